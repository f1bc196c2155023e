/** The window's counts at a glance. */
import { memo } from 'react';
import type { Report } from '../../../../core/report.ts';
import { formatMeasure } from './target-status.ts';

export const Headline = memo(function Headline({ report }: { report: Report }) {
  const { connections, latency, errors, proxy, rateLimit } = report;
  const figures: Array<[string, string]> = [
    ['Entries', String(report.entries)],
    ['Attempts', String(connections.attempts)],
    ['Opened', String(connections.opened)],
    ['Failed', String(connections.failed)],
    ['Reconnects', String(connections.reconnects)],
    ['Active now', String(connections.active)],
    ['Peak concurrent', String(connections.peakConcurrent)],
    ['Success rate', formatMeasure(connections.successRate, 'fraction')],
    ['Errors', `${errors.count} (${formatMeasure(errors.rate, 'fraction')})`],
    ['First token p95 (server)', formatMeasure(latency.firstTokenMs.p95, 'ms')],
    ['Stream duration p50', formatMeasure(latency.streamDurationMs.p50, 'ms')],
    ['Proxy errors', String(proxy.errors)],
    ['429 violations', `${rateLimit.violations} (${rateLimit.testTraffic} test)`],
  ];
  return (
    <dl className="headline" data-testid="headline">
      {figures.map(([name, value]) => (
        <div key={name} className="figure">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
});
