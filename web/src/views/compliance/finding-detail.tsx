/** One finding: where it is, its masked evidence, its review history and the status change. */
import type { StoredFinding } from '../../../../core/findings/finding.ts';
import { TimeText } from '../../components/time-text.tsx';
import { historyNewestFirst, ruleLabel } from './finding-logic.ts';
import { StatusForm } from './status-form.tsx';

export function FindingDetail({ finding, onChanged, onClose }: { finding: StoredFinding; onChanged(updated: StoredFinding | null): void; onClose(): void }) {
  const history = historyNewestFirst(finding.history);
  return (
    <section className="panel" data-testid="finding-detail" aria-labelledby="finding-detail-title">
      <div className="view-toolbar">
        <h3 id="finding-detail-title">
          Finding {finding.id}: {ruleLabel(finding.rule)}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>Severity</dt>
        <dd><span className={`badge severity-${finding.severity}`}>{finding.severity}</span></dd>
        <dt>Status</dt>
        <dd><span className={`badge status-${finding.status}`}>{finding.status}</span></dd>
        <dt>Evidence</dt>
        <dd className="mono">{finding.preview} ({finding.length} characters, masked)</dd>
        <dt>Where</dt>
        <dd className="mono">{finding.source} → {finding.field}, characters {finding.start}–{finding.end}</dd>
        <dt>Template</dt>
        <dd className="mono">{finding.template}</dd>
        <dt>Entry</dt>
        <dd><TimeText value={finding.time} /> · <code>{finding.instance}</code> · {finding.provider} · entry {finding.entryId}</dd>
        <dt>Fingerprint</dt>
        <dd className="mono" title={finding.fingerprint}>{finding.fingerprint.slice(0, 16)}…</dd>
      </dl>
      <h4>History</h4>
      {history.length === 0 ? (
        <p className="muted">No review yet.</p>
      ) : (
        <ol className="history" data-testid="finding-history">
          {history.map((change, index) => (
            <li key={`${change.at}-${index}`}>
              <TimeText value={change.at} /> <strong>{change.status}</strong> by {change.reviewer}
              {change.note !== '' ? <>: {change.note}</> : null}
            </li>
          ))}
        </ol>
      )}
      <StatusForm key={`${finding.id}-${finding.status}`} finding={finding} onChanged={onChanged} />
    </section>
  );
}
