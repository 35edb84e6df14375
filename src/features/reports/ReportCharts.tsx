/**
 * Two charts beside the tables: applications per office (received, handed out, in progress,
 * refused at the desk) and the share of steps done in time per stage. Chart.js is loaded only
 * here, when the report screen draws its first chart, never with the app's start. Each canvas
 * says its figures in words too (`aria-label`), for a screen reader and for a printout read as
 * text; the tables above hold every figure anyway.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../domain/report';
import type { Names } from './ReportTables';

type ChartModule = typeof import('chart.js');
let chartModule: Promise<ChartModule> | undefined;

/** Chart.js with only the parts the bars need registered (once). */
function loadCharts(): Promise<ChartModule> {
  chartModule ??= import('chart.js').then(
    (m) => {
      m.Chart.register(
        m.BarController,
        m.BarElement,
        m.CategoryScale,
        m.LinearScale,
        m.Legend,
        m.Tooltip,
      );
      return m;
    },
    (error: unknown) => {
      chartModule = undefined;
      throw error;
    },
  );
  return chartModule;
}

interface Series {
  label: string;
  /** null: nothing to show (no step of that stage was completed) */
  values: (number | null)[];
  colour: string;
}

interface BarProps {
  id: string;
  title: string;
  labels: string[];
  series: Series[];
  max?: number;
}

function describe(title: string, labels: string[], series: Series[]): string {
  const parts = labels.map(
    (label, i) => `${label}: ${series.map((s) => `${s.label} ${s.values[i] ?? '—'}`).join(', ')}`,
  );
  return `${title}. ${parts.join('; ')}`;
}

function Bars({ id, title, labels, series, max }: BarProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let isCancelled = false;
    loadCharts().then(
      ({ Chart }) => {
        if (isCancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels,
            datasets: series.map((s) => ({
              label: s.label,
              data: s.values,
              backgroundColor: s.colour,
            })),
          },
          options: {
            // Drawn at once: a printout or a slow tablet should not catch a bar half-grown.
            animation: false,
            maintainAspectRatio: false,
            responsive: true,
            scales: { y: { beginAtZero: true, ...(max === undefined ? {} : { max }) } },
          },
        });
        setState('drawn');
      },
      () => {
        if (!isCancelled) setState('failed');
      },
    );
    return () => {
      isCancelled = true;
      chart?.destroy();
    };
  }, [labels, series, max]);
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <div className="report-chart-area">
        <canvas
          id={id}
          ref={canvas}
          role="img"
          aria-label={describe(title, labels, series)}
          data-state={state}
        />
      </div>
      {state === 'loading' && <p className="hint">{t('reports.chartLoading')}</p>}
      {state === 'failed' && <p className="hint">{t('reports.chartFailed')}</p>}
    </figure>
  );
}

export function ReportCharts({ report, names }: { report: Report; names: Names }) {
  const { t } = useTranslation();
  // Memoized by the report: a new array each render would draw the chart again.
  const [offices, stages] = useMemo(() => chartsOf(report, names, t), [report, names, t]);
  return (
    <div className="report-charts">
      <Bars id="chart-offices" title={t('reports.chartOffices')} {...offices} />
      <Bars id="chart-stages" title={t('reports.chartStages')} {...stages} max={100} />
    </div>
  );
}

type T = (key: string) => string;

function chartsOf(
  report: Report,
  names: Names,
  t: T,
): [Omit<BarProps, 'id' | 'title'>, Omit<BarProps, 'id' | 'title'>] {
  return [
    {
      labels: report.offices.map((o) => names.office(o.office)),
      series: [
        {
          label: t('reports.received'),
          values: report.offices.map((o) => o.received),
          colour: '#1f5fa8',
        },
        {
          label: t('reports.handedOut'),
          values: report.offices.map((o) => o.handedOut),
          colour: '#2e7d32',
        },
        {
          label: t('reports.inProgress'),
          values: report.offices.map((o) => o.inProgress),
          colour: '#c77700',
        },
        {
          label: t('reports.refusedAtIntake'),
          values: report.offices.map((o) => o.refusedAtIntake),
          colour: '#9e2a2b',
        },
      ],
    },
    {
      labels: report.total.stages.map((s) => t(`reports.stages.${s.stage}`)),
      series: [
        {
          label: t('reports.onTime'),
          values: report.total.stages.map((s) => s.onTimePercent),
          colour: '#2e7d32',
        },
      ],
    },
  ];
}
