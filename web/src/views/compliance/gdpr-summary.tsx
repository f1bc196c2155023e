/** The window's GDPR figures: flagged entries, findings per rule, and how many opens hash their query. */
import { memo } from 'react';
import type { GdprFigures } from '../../../../core/report.ts';
import { formatCoverage, ruleCounts, ruleLabel } from './finding-logic.ts';

export const GdprSummary = memo(function GdprSummary({ gdpr }: { gdpr: GdprFigures }) {
  const counts = ruleCounts(gdpr.byRule);
  return (
    <section className="panel" aria-labelledby="gdpr-summary-title" data-testid="gdpr-summary">
      <h3 id="gdpr-summary-title">In this window</h3>
      <dl className="facts">
        <dt>Entries flagged</dt>
        <dd data-testid="entries-flagged">{gdpr.entriesFlagged}</dd>
        <dt>Hash coverage</dt>
        <dd data-testid="hash-coverage">{formatCoverage(gdpr.hashCoverage)}</dd>
      </dl>
      <div className="table-wrap">
        <table data-testid="findings-by-rule">
          <caption className="visually-hidden">Flagged entries by rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col" className="number">Entries</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((entry) => (
              <tr key={entry.rule}>
                <td>{ruleLabel(entry.rule)}</td>
                <td>
                  <span className={`badge severity-${entry.severity}`}>{entry.severity}</span>
                </td>
                <td className="number">{entry.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
