/**
 * Import of a file of unsent work that a revoked or broken device saved (Синхрондау → export).
 * The file goes to the server whole; the server judges each event as if the device had sent it
 * and answers per event: accepted, already there (a file imported again), or rejected with the
 * reason a device would show. A file that is not such a file is refused and changes nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnsentImportReport } from '../../domain/admin/unsent-file';
import { describeProblem, eventTypeKey } from '../../i18n';
import { adminCallSucceeded, adminProblem } from './adminTrouble';
import { useAdminClient } from './useAdminClient';
import { useDeviceLabel } from './useDeviceLabel';

export function UnsentImportPanel() {
  const { t } = useTranslation();
  const client = useAdminClient();
  const deviceLabel = useDeviceLabel();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<UnsentImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function upload() {
    if (!file || !client) return;
    setIsBusy(true);
    setReport(null);
    setError(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        // Not JSON at all: the same answer the server gives for any file that is not one.
        setError(describeProblem(t, { code: 'unsent-file-invalid' }));
        return;
      }
      setReport(await client.importUnsent(parsed));
      adminCallSucceeded();
    } catch (failure) {
      setError(describeProblem(t, adminProblem(failure)));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="unsent-import-title">
      <h2 id="unsent-import-title">{t('unsentImport.title')}</h2>
      <p className="hint">{t('unsentImport.explain')}</p>
      <label>
        {t('unsentImport.file')}
        <input
          type="file"
          name="unsentFile"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            setError(null);
          }}
        />
      </label>
      <button type="button" disabled={!file || isBusy} onClick={() => void upload()}>
        {t('unsentImport.import')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <section aria-label={t('unsentImport.result')}>
          <p role="status" data-testid="import-summary">
            {t('unsentImport.summary', {
              device: deviceLabel(report),
              total: report.total,
              accepted: report.accepted,
              alreadyThere: report.alreadyThere,
              rejected: report.rejected,
            })}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('unsentImport.seq')}</th>
                <th>{t('unsentImport.action')}</th>
                <th>{t('unsentImport.case')}</th>
                <th>{t('unsentImport.result')}</th>
              </tr>
            </thead>
            <tbody>
              {report.events.map((e) => (
                <tr key={e.id} className={e.status === 'rejected' ? 'overdue' : undefined}>
                  <td>{e.deviceSeq}</td>
                  <td>{t(eventTypeKey(e.type))}</td>
                  <td>{e.regNumber ?? '—'}</td>
                  <td>
                    {t(`unsentImport.statuses.${e.status}`)}
                    {e.status === 'rejected' && e.code
                      ? `: ${describeProblem(t, { code: e.code, ...(e.details ? { details: e.details } : {}) })}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
