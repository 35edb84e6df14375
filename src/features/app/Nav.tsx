/**
 * The screens of an akimat or a district device. On an akimat device "Today" comes first, with
 * the number of cases the office must act on; that count's code (the deadline engine) is loaded
 * only once the first screen is up, so it is not part of the start-up script.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { takesApplications } from '../../domain/intake-point';
import type { OfficeKind, StaffRole } from '../../domain/roles';
import { hrefOf, type Route } from './router';

const TodayBadge = lazy(() =>
  import('../today/TodayBadge').then((m) => ({ default: m.TodayBadge })),
);

const AKIMAT: Route['name'][] = [
  'today',
  'intake',
  'journal',
  'transfer',
  'results',
  'status',
  'catalog',
  'sync',
];
const DISTRICT: Route['name'][] = ['district', 'journal', 'reports', 'catalog', 'sync'];
/** The district department takes applications at its own desk too (`intake-point.ts`). */
const DISTRICT_DESK: Route['name'][] = [
  'district',
  'intake',
  'journal',
  'reports',
  'catalog',
  'sync',
];

export function Nav({ officeKind, role }: { officeKind: OfficeKind; role: StaffRole }) {
  const { t } = useTranslation();
  const base =
    officeKind === 'akimat'
      ? AKIMAT
      : takesApplications(officeKind, role)
        ? DISTRICT_DESK
        : DISTRICT;
  const items: Route['name'][] = role === 'district_admin' ? [...base, 'admin'] : base;
  return (
    <nav className="no-print" aria-label={t('app.navigation')}>
      {items.map((name) => (
        <a key={name} href={hrefOf({ name } as Route)}>
          {t(`nav.${name}`)}
          {name === 'today' && (
            <Suspense fallback={null}>
              {' '}
              <TodayBadge />
            </Suspense>
          )}
        </a>
      ))}
    </nav>
  );
}
