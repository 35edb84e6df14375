/**
 * The district administrator's desk: devices (names, revocation, enrollment codes), the import
 * of a device's unsent work, the district's people, the audit of a person, and reference data:
 * which acts apply in the district, the
 * public address talons' QR codes open, checklists the seeds lack (each save makes a new catalog
 * edition; cases keep theirs), the working-day calendar's years, and each office's hours. Edits
 * go straight to the server and need a connection.
 */
import { useTranslation } from 'react-i18next';
import { ActsEditor } from './ActsEditor';
import { AdminContents } from './AdminContents';
import { AdminSessionAlert } from './AdminSessionAlert';
import { AuditPanel } from './AuditPanel';
import { CalendarEditor } from './CalendarEditor';
import { ChecklistEditor } from './ChecklistEditor';
import { DevicesPanel } from './DevicesPanel';
import { OfficeDetailsEditor } from './OfficeDetailsEditor';
import { OfficeHoursEditor } from './OfficeHoursEditor';
import { PublicUrlEditor } from './PublicUrlEditor';
import { StaffPanel } from './StaffPanel';
import { UnsentImportPanel } from './UnsentImportPanel';

export function AdminScreen() {
  const { t } = useTranslation();
  return (
    <main>
      <h1>{t('admin.title')}</h1>
      <p className="hint">{t('admin.onlineOnly')}</p>
      <AdminSessionAlert />
      <AdminContents />
      <DevicesPanel />
      <UnsentImportPanel />
      <StaffPanel />
      <AuditPanel />
      <ActsEditor />
      <PublicUrlEditor />
      <ChecklistEditor />
      <CalendarEditor />
      <OfficeDetailsEditor />
      <OfficeHoursEditor />
    </main>
  );
}
