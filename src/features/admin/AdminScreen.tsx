/**
 * The district administrator's desk for reference data: which acts apply in the district, the
 * public address talons' QR codes open, checklists the seeds lack (each save makes a new catalog
 * edition; cases keep theirs), the working-day calendar's years, and each office's hours. Edits
 * go straight to the server and need a connection.
 */
import { useTranslation } from 'react-i18next';
import { ActsEditor } from './ActsEditor';
import { CalendarEditor } from './CalendarEditor';
import { ChecklistEditor } from './ChecklistEditor';
import { DevicesPanel } from './DevicesPanel';
import { OfficeHoursEditor } from './OfficeHoursEditor';
import { PublicUrlEditor } from './PublicUrlEditor';

export function AdminScreen() {
  const { t } = useTranslation();
  return (
    <main>
      <h1>{t('admin.title')}</h1>
      <p className="hint">{t('admin.onlineOnly')}</p>
      <DevicesPanel />
      <ActsEditor />
      <PublicUrlEditor />
      <ChecklistEditor />
      <CalendarEditor />
      <OfficeHoursEditor />
    </main>
  );
}
