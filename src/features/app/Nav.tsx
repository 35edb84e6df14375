/** The screens of an akimat or a district device. */
import { useTranslation } from 'react-i18next';
import type { OfficeKind } from '../../domain/roles';
import { hrefOf, type Route } from './router';

const AKIMAT: Route['name'][] = ['intake', 'journal', 'transfer', 'results', 'catalog', 'sync'];
const DISTRICT: Route['name'][] = ['district', 'journal', 'catalog', 'sync'];

export function Nav({ officeKind }: { officeKind: OfficeKind }) {
  const { t } = useTranslation();
  const items = officeKind === 'district' ? DISTRICT : AKIMAT;
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
