/**
 * The report as files: the same four tables as the screen (offices, services, stages, steps),
 * headers in the interface's language. The CSV is the journal's kind (Excel's separator and
 * encoding, `journal/csv.ts`), one table after another with a blank line between; the workbook
 * has a sheet per table with the figures as numbers (the desk's average in minutes, which a
 * spreadsheet can count with, not "5 мин 3 с"). Loaded only when a person asks for a file.
 */
import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import type { GroupFigures, Report } from '../../domain/report';
import { csvOf } from '../journal/csv';
import { COUNT_KEYS, type Names } from './ReportTables';
import { termText } from './words';

type T = (key: string, options?: Record<string, unknown>) => string;
type Value = string | number | null;

export interface ReportTable {
  sheet: 'offices' | 'services' | 'stages' | 'steps';
  header: string[];
  rows: Value[][];
}

const groupHeader = (t: T) => [
  ...COUNT_KEYS.map((k) => t(`reports.${k}`)),
  t('reports.onTime'),
  t('reports.deskAverageMinutes'),
  t('reports.deskOver'),
];
const groupValues = (g: GroupFigures): Value[] => [
  ...COUNT_KEYS.map((k) => g[k]),
  g.onTime.onTimePercent,
  g.desk.averageSeconds === null ? null : Math.round(g.desk.averageSeconds / 6) / 10,
  g.desk.overTerm,
];

export function reportTables(t: T, report: Report, names: Names): ReportTable[] {
  const total = [t('reports.total'), ...groupValues(report.total)];
  return [
    {
      sheet: 'offices',
      header: [t('reports.office'), ...groupHeader(t)],
      rows: [...report.offices.map((o) => [names.office(o.office), ...groupValues(o)]), total],
    },
    {
      sheet: 'services',
      header: [t('reports.service'), ...groupHeader(t)],
      rows: [...report.services.map((s) => [names.service(s.service), ...groupValues(s)]), total],
    },
    {
      sheet: 'stages',
      header: ['stage', 'completed', 'inTime', 'late', 'open', 'onTime'].map((k) =>
        t(`reports.${k}`),
      ),
      rows: report.total.stages.map((s) => [
        t(`reports.stages.${s.stage}`),
        s.completed,
        s.onTime,
        s.late,
        s.open,
        s.onTimePercent,
      ]),
    },
    {
      sheet: 'steps',
      header: [
        t('reports.service'),
        t('reports.step'),
        t('reports.role'),
        t('reports.term'),
        t('reports.completed'),
        t('reports.onTime'),
        t('reports.average'),
        t('reports.worst'),
      ],
      rows: report.services.flatMap((s) =>
        s.steps.map((step) => [
          names.service(s.service),
          t(`reports.stages.${step.stage}`),
          t(`stepRoles.${step.role}`),
          termText(t, step.term),
          step.completed,
          step.onTimePercent,
          step.averageDuration,
          step.worstDuration,
        ]),
      ),
    },
  ];
}

export function reportCsv(t: T, tables: readonly ReportTable[], title: string): Blob {
  const lines: string[][] = [[title]];
  for (const table of tables) {
    lines.push([], [t(`reports.sheets.${table.sheet}`)], table.header);
    for (const row of table.rows) lines.push(row.map((v) => (v === null ? '' : String(v))));
  }
  return new Blob([csvOf(lines)], { type: 'text/csv;charset=utf-8' });
}

export async function reportXlsx(t: T, tables: readonly ReportTable[]): Promise<Blob> {
  return writeExcelFile(
    tables.map((table) => {
      const data: SheetData = [
        table.header.map((value): Cell => ({ value, fontWeight: 'bold' })),
        ...table.rows.map((row) =>
          row.map((value): Cell => (value === null ? { value: '' } : { value })),
        ),
      ];
      return {
        data,
        sheet: t(`reports.sheets.${table.sheet}`),
        columns: table.header.map((_, i) => ({ width: i === 0 ? 48 : 14 })),
        stickyRowsCount: 1,
      };
    }),
  ).toBlob();
}
