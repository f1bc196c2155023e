/** Moves a finding through its review: open → acknowledged → resolved, with a note and who decided. */
import { useId, useState, type FormEvent } from 'react';
import type { ReviewStatus, StatusChange, StoredFinding } from '../../../../core/findings/finding.ts';
import { useServices } from '../../app/services-context.ts';
import { describeFailure } from '../../api/failure.ts';
import { findingStatusPath } from '../../api/query.ts';
import { isStoredFinding, nextStatuses, withStatusChange } from './finding-logic.ts';

const REVIEWER_KEY = 'flight-recorder.reviewer';

function rememberedReviewer(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function StatusForm({ finding, onChanged }: { finding: StoredFinding; onChanged(updated: StoredFinding | null): void }) {
  const { api } = useServices();
  const id = useId();
  const choices = nextStatuses(finding.status);
  const [status, setStatus] = useState<ReviewStatus>(choices[0] ?? 'acknowledged');
  const [note, setNote] = useState('');
  const [reviewer, setReviewer] = useState(rememberedReviewer);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (reviewer.trim() === '') return setProblem('Say who reviewed it.');
    setBusy(true);
    setProblem(null);
    const change: StatusChange = { status, note: note.trim(), reviewer: reviewer.trim(), at: new Date().toISOString() };
    try {
      const answer = await api.post<unknown>(findingStatusPath(finding.id), { status: change.status, note: change.note, reviewer: change.reviewer });
      try {
        window.localStorage.setItem(REVIEWER_KEY, change.reviewer);
      } catch {
        // Private windows may refuse storage; the name is only a convenience.
      }
      setNote('');
      onChanged(isStoredFinding(answer) ? answer : answer === null ? withStatusChange(finding, change) : null);
    } catch (error) {
      setProblem(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filters" onSubmit={submit} data-testid="finding-status-form" aria-label="Change the review status">
      <div className="field">
        <label htmlFor={`${id}-status`}>New status</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as ReviewStatus)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reviewer`}>Reviewer</label>
        <input id={`${id}-reviewer`} value={reviewer} onChange={(event) => setReviewer(event.target.value)} autoComplete="name" />
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-note`}>Note (scanned and redacted like log text before it is stored)</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {problem !== null ? (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : `Mark ${status}`}
        </button>
      </div>
    </form>
  );
}
