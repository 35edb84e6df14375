/** The screens of an akimat or a district device. */
import { useTranslation } from 'react-i18next';
import type { OfficeKind, StaffRole } from '../../domain/roles';
import { hrefOf, type Route } from './router';

const AKIMAT: Route['name'][] = ['intake', 'journal', 'transfer', 'results', 'catalog', 'sync'];
const DISTRICT: Route['name'][] = ['district', 'journal', 'catalog', 'sync'];

export function Nav({ officeKind, role }: { officeKind: OfficeKind; role: StaffRole }) {
  const { t } = useTranslation();
  const base = officeKind === 'district' ? DISTRICT : AKIMAT;
  const items: Route['name'][] = role === 'district_admin' ? [...base, 'admin'] : base;
  return (
    <nav className="no-print" aria-label={t('app.navigation')}>
      {items.map((name) => (
        <a key={name} href={hrefOf({ name } as Route)}>
          {t(`nav.${name}`)}
        </a>
      ))}
    </nav>
  );
}
