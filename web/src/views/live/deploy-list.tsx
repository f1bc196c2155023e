/** The deploys and source gaps drawn on the charts, in words. */
import type { Deploy, Gap } from '../../../../core/report.ts';
import { TimeText } from '../../components/time-text.tsx';

export function DeployList({ deploys, gaps }: { deploys: readonly Deploy[]; gaps: readonly Gap[] }) {
  if (deploys.length === 0 && gaps.length === 0) return null;
  return (
    <div className="chart-legend-list">
      {deploys.length > 0 ? (
        <div data-testid="deploy-list">
          <h3>Deploys and restarts (dashed lines)</h3>
          <ul>
            {deploys.map((deploy) => (
              <li key={`${deploy.at}-${deploy.instance}`}>
                <TimeText value={deploy.at} /> <code>{deploy.instance}</code> {deploy.summary}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {gaps.length > 0 ? (
        <div data-testid="gap-list">
          <h3>Source gaps (shaded): figures there are incomplete</h3>
          <ul>
            {gaps.map((gap) => (
              <li key={`${gap.from}-${gap.to}`}>
                <TimeText value={gap.from} /> – <TimeText value={gap.to} /> {gap.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
