/**
 * Reports (district device): for a period, per akimat and per service, what came of the
 * applications and how the deadlines were kept, with charts, a printable page and CSV/XLSX
 * files. Counted on the device from its own copy of the event log by the same domain function
 * as the server's `report` command (src/db/reports.ts), so it works offline and gives the
 * server's figures for the events the device holds.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districtOffices } from '../../db/offices';
import { readReport } from '../../db/reports';
import { useLive } from '../../db/useLive';
import { SERVICE_NAMES } from '../../domain/catalog/names';
import type { Report } from '../../domain/report';
import { periodProblem } from '../../domain/report/period';
import { formatDateKz } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';
import { useNow } from '../app/useNow';
import { useReportParams } from './params';
import { ReportCharts } from './ReportCharts';
import { ReportFilters } from './ReportFilters';
import { type Names, ReportTables } from './ReportTables';
import './reports.css';

export function ReportsScreen() {
  const { t } = useTranslation();
  const { lang, loc } = useLang();
  const { db } = useRuntime();
  const today = useNow().slice(0, 10);
  const [params, setParams] = useReportParams(today);
  const problem = periodProblem(params.from, params.to);
  const offices = useLive(() => districtOffices(db), [db]);
  const live = useLive(
    async () =>
      problem
        ? null
        : readReport(
            db,
            { from: params.from, to: params.to },
            { office: params.office ?? undefined, service: params.service ?? undefined },
          ),
    [db, params.from, params.to, params.office, params.service, problem === null],
  );

  const names: Names = useMemo(() => {
    const byId = new Map((offices.data ?? []).map((o) => [o.id, o]));
    return {
      office: (id) => loc(byId.get(id)?.name) || id,
      service: (id) => {
        const name = loc(SERVICE_NAMES[id]);
        return name ? `${id} ${name}` : id;
      },
    };
  }, [offices.data, loc]);
  const services = Object.keys(SERVICE_NAMES).map((id) => ({ id, name: names.service(id) }));
  const report = live.data?.report;

  return (
    <main className="reports-screen">
      <h1>{t('reports.title')}</h1>
      <p className="hint no-print">{t('reports.intro')}</p>
      <ReportFilters
        params={params}
        offices={offices.data ?? []}
        services={services}
        today={today}
        onChange={setParams}
      />
      {problem && (
        <p className="error" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
      {!problem && live.status === 'loading' && <p className="hint">{t('reports.loading')}</p>}
      {live.status === 'error' && (
        <p className="error" role="alert">
          {t('reports.readFailed')}
        </p>
      )}
      {report && (
        <section aria-live="polite" lang={lang}>
          <h2>
            {t('reports.heading', { from: formatDateKz(report.from), to: formatDateKz(report.to) })}
          </h2>
          {report.office && (
            <p>{t('reports.headingOffice', { office: names.office(report.office) })}</p>
          )}
          {report.service && (
            <p>{t('reports.headingService', { service: names.service(report.service) })}</p>
          )}
          <ReportTools report={report} names={names} />
          {report.total.received + report.total.refusedAtIntake === 0 ? (
            <p className="hint">{t('reports.empty')}</p>
          ) : (
            <>
              <ReportCharts report={report} names={names} />
              <ReportTables report={report} names={names} />
            </>
          )}
        </section>
      )}
    </main>
  );
}

function ReportTools({ report, names }: { report: Report; names: Names }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const exportAs = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    setFailed(false);
    try {
      const [{ reportTables, reportCsv, reportXlsx }, { download }] = await Promise.all([
        import('./export'),
        import('../journal/export-table'),
      ]);
      const tables = reportTables(t, report, names);
      const title = t('reports.heading', {
        from: formatDateKz(report.from),
        to: formatDateKz(report.to),
      });
      const name = `report-${report.from}-${report.to}.${kind}`;
      download(kind === 'csv' ? reportCsv(t, tables, title) : await reportXlsx(t, tables), name);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="journal-actions report-tools no-print">
      <span>{t('reports.export')}</span>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void exportAs('csv')}
      >
        {t('reports.csv')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void exportAs('xlsx')}
      >
        {t('reports.xlsx')}
      </button>
      <button type="button" className="secondary" onClick={() => window.print()}>
        {t('reports.print')}
      </button>
      {failed && (
        <p className="error" role="alert">
          {t('reports.exportFailed')}
        </p>
      )}
    </div>
  );
}
