/** The test plan's targets: actual against target, PASS / FAIL / not judgeable with the reason. */
import { memo } from 'react';
import type { TargetResult } from '../../../../core/report.ts';
import { Empty } from '../../components/states.tsx';
import { formatMeasure, targetName, tileStatus } from './target-status.ts';

function TargetTile({ result }: { result: TargetResult }) {
  const status = tileStatus(result);
  const nameId = `target-${result.id}-name`;
  return (
    <article className={`target-tile status-${status.kind}`} data-testid={`target-tile-${result.id}`} data-status={status.kind} aria-labelledby={nameId}>
      <h3 id={nameId}>{targetName(result.id)}</h3>
      <p className="target-actual">{formatMeasure(result.actual, result.unit)}</p>
      <p className="target-goal">target {result.target}</p>
      <p className="target-verdict">
        <span className="verdict-label">{status.label}</span>
        {status.kind === 'unjudged' ? <span className="verdict-detail">{status.detail}</span> : null}
      </p>
    </article>
  );
}

export const TargetTiles = memo(function TargetTiles({ targets }: { targets: readonly TargetResult[] }) {
  if (targets.length === 0) return <Empty>No targets in this report.</Empty>;
  return (
    <section className="target-grid" aria-label="Targets" data-testid="target-tiles">
      {targets.map((result) => (
        <TargetTile key={result.id} result={result} />
      ))}
    </section>
  );
});
