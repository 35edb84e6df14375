/**
 * The administrator's screen holds a dozen panels one under another; this list at its top takes
 * the person (and the keyboard's focus) straight to one. Buttons rather than `#id` links: the
 * address's fragment is the app's route.
 */
import { useTranslation } from 'react-i18next';

const PANELS: readonly (readonly [headingId: string, textKey: string])[] = [
  ['devices-title', 'admin.devices'],
  ['unsent-import-title', 'unsentImport.title'],
  ['staff-title', 'staffAdmin.title'],
  ['audit-title', 'audit.title'],
  ['acts-title', 'admin.acts'],
  ['public-url-title', 'admin.publicUrl'],
  ['checklist-title', 'admin.checklists'],
  ['calendar-title', 'admin.calendar'],
  ['office-details-title', 'officeDetails.title'],
  ['office-hours-title', 'officeHours.title'],
];

function goTo(headingId: string) {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

export function AdminContents() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.contents')} className="admin-contents no-print">
      <ul className="plain">
        {PANELS.map(([id, key]) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => goTo(id)}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
