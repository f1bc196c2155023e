/** Findings with their masked evidence; choosing a row opens its review. */
import { memo } from 'react';
import type { StoredFinding } from '../../../../core/findings/finding.ts';
import { useUtc } from '../../app/hooks.ts';
import { clockName } from '../../state/time-format.ts';
import { TimeText } from '../../components/time-text.tsx';
import { ruleLabel } from './finding-logic.ts';

interface Props {
  findings: readonly StoredFinding[];
  selectedId: number | null;
  onSelect(id: number): void;
}

export const FindingsTable = memo(function FindingsTable({ findings, selectedId, onSelect }: Props) {
  const utc = useUtc();
  return (
    <div className="table-wrap">
      <table data-testid="findings-table">
        <caption className="visually-hidden">Findings, newest first; values are masked</caption>
        <thead>
          <tr>
            <th scope="col">Time ({clockName(utc)})</th>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
            <th scope="col">Evidence (masked)</th>
            <th scope="col">Field</th>
            <th scope="col">Template</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={finding.id} data-testid={`finding-row-${finding.id}`} aria-selected={finding.id === selectedId}>
              <td className="nowrap"><TimeText value={finding.time} /></td>
              <td>{ruleLabel(finding.rule)}</td>
              <td>
                <span className={`badge severity-${finding.severity}`}>{finding.severity}</span>
              </td>
              <td className="mono">{finding.preview}</td>
              <td className="mono">{finding.field}</td>
              <td className="text mono">{finding.template}</td>
              <td>
                <span className={`badge status-${finding.status}`}>{finding.status}</span>
              </td>
              <td>
                <button type="button" className="secondary" onClick={() => onSelect(finding.id)} aria-label={`Review finding ${finding.id}`}>
                  Review
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
