/** 429s over time, and the keys that hit the limit most, the test plan's own traffic marked as such. */
import type { RateLimitFigures } from '../../../../core/report.ts';
import type { ChartRow } from './chart-rows.ts';
import { formatCount, latestSummary } from './chart-format.ts';
import { TimeChart, type ChartLine, type Overlays } from './time-chart.tsx';

const VIOLATIONS: ChartLine[] = [{ key: 'violations', name: '429 violations', color: '#d97706', step: true }];

interface Props {
  rows: readonly ChartRow[];
  overlays: Overlays;
  rateLimit: RateLimitFigures;
  utc: boolean;
}

export function ViolationsPanel({ rows, overlays, rateLimit, utc }: Props) {
  const perHour = rateLimit.perHour === null ? '—' : rateLimit.perHour.toFixed(1);
  return (
    <TimeChart
      testId="chart-violations"
      title="Rate-limit violations (429)"
      note={`${rateLimit.violations} in the window, ${rateLimit.testTraffic} from test traffic; ${perHour} per hour overall`}
      rows={rows}
      lines={VIOLATIONS}
      overlays={overlays}
      utc={utc}
      formatValue={formatCount}
      integer
      summary={latestSummary(rows, VIOLATIONS, formatCount)}
    >
      <div className="top-keys" data-testid="top-keys">
        <h3>Top keys</h3>
        {rateLimit.topKeys.length === 0 ? (
          <p className="muted">No key hit the limit.</p>
        ) : (
          <ol>
            {rateLimit.topKeys.map((entry) => (
              <li key={entry.key} data-test-traffic={entry.test ? 'true' : 'false'}>
                <code>{entry.key}</code> <span className="count">{entry.count}</span>
                {entry.test ? <span className="badge badge-test">test traffic</span> : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </TimeChart>
  );
}
