/**
 * The live view's charts over time. Rows and overlays are computed once per report (at most once a second),
 * and each chart is memoised, so a redraw costs one pass over the series.
 */
import { memo, useMemo } from 'react';
import type { Report } from '../../../../core/report.ts';
import { chartDomain, deployMarks, gapAreas, toChartRows } from './chart-rows.ts';
import { formatCount, formatMs, formatPercent, latestSummary } from './chart-format.ts';
import { TimeChart, type ChartLine, type Overlays } from './time-chart.tsx';
import { ViolationsPanel } from './violations-panel.tsx';
import { ProxyChart } from './proxy-chart.tsx';
import { DeployList } from './deploy-list.tsx';
import { Empty } from '../../components/states.tsx';

const SERVER_NOTE = 'measured by the server, not client-side timing';

/** The line charts, in the order the grid shows them. */
const LINE_CHARTS: readonly {
  testId: string;
  title: string;
  note: string;
  lines: ChartLine[];
  formatValue: (value: number) => string;
  integer?: boolean;
}[] = [
  {
    testId: 'chart-first-token',
    title: 'First-token latency',
    note: SERVER_NOTE,
    lines: [
      { key: 'firstTokenP50', name: 'p50', color: '#2563eb' },
      { key: 'firstTokenP95', name: 'p95', color: '#db2777', dashed: true },
    ],
    formatValue: formatMs,
  },
  {
    testId: 'chart-inter-token',
    title: 'Inter-token latency (estimated)',
    note: 'estimated from duration, first token and token count; the backend does not log it',
    lines: [{ key: 'interTokenAvg', name: 'average (estimated)', color: '#0d9488' }],
    formatValue: formatMs,
  },
  {
    testId: 'chart-error-rate',
    title: 'Error rate',
    note: 'errors / (opened + failed) per bucket; empty buckets have no rate',
    lines: [{ key: 'errorRate', name: 'errors / attempts', color: '#dc2626' }],
    formatValue: formatPercent,
  },
  {
    testId: 'chart-connections',
    title: 'Connections',
    note: 'opened and failed per bucket; active at the bucket\'s end',
    lines: [
      { key: 'opened', name: 'opened', color: '#16a34a', step: true },
      { key: 'failed', name: 'failed', color: '#dc2626', step: true },
      { key: 'active', name: 'active', color: '#2563eb', step: true, dashed: true },
    ],
    formatValue: formatCount,
    integer: true,
  },
];

export const LiveCharts = memo(function LiveCharts({ report, utc }: { report: Report; utc: boolean }) {
  const rows = useMemo(() => toChartRows(report.series), [report.series]);
  const domain = useMemo(() => chartDomain(report.window, rows), [report.window, rows]);
  const overlays = useMemo<Overlays | null>(
    () => (domain === null ? null : { domain, gaps: gapAreas(report.gaps, domain), deploys: deployMarks(report.deploys, domain) }),
    [domain, report.gaps, report.deploys],
  );
  if (overlays === null) return <Empty>No series in this window yet.</Empty>;
  return (
    <>
      <div className="chart-grid">
        {LINE_CHARTS.map((chart) => (
          <TimeChart
            key={chart.testId}
            testId={chart.testId}
            title={chart.title}
            note={chart.note}
            rows={rows}
            lines={chart.lines}
            overlays={overlays}
            utc={utc}
            formatValue={chart.formatValue}
            integer={chart.integer}
            summary={latestSummary(rows, chart.lines, chart.formatValue)}
          />
        ))}
        <ViolationsPanel rows={rows} overlays={overlays} rateLimit={report.rateLimit} utc={utc} />
        <ProxyChart proxy={report.proxy} />
      </div>
      <DeployList deploys={report.deploys} gaps={report.gaps} />
    </>
  );
});
