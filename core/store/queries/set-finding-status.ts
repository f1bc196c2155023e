import type { Store } from '../store.ts';
import type { LogEntry } from '../../entry.ts';
import type { ReviewStatus, StoredFinding } from '../../findings/finding.ts';
import { getFinding } from './finding-rows.ts';

/** What a review needs of the GDPR scanner (core/findings/scanner.ts fits): the redacted form of a text. */
export interface TextScanner {
  scan(entry: LogEntry): { entry: LogEntry };
}

export interface StatusChangeRequest {
  status: ReviewStatus;
  note: string;
  reviewer: string;
}

/**
 * A reviewer sets a finding's status. The note and the reviewer's name are free text a person typed, so they
 * are scanned like log text and stored redacted; every change is kept. Null when there is no such finding.
 */
export function setFindingStatus(
  store: Store,
  scanner: TextScanner,
  id: number,
  change: StatusChangeRequest,
  nowMs: number = Date.now(),
): StoredFinding | null {
  const at = new Date(nowMs).toISOString();
  const note = redactText(scanner, change.note, nowMs);
  const reviewer = redactText(scanner, change.reviewer, nowMs);
  const db = store.db;
  const changed = db.transaction((): boolean => {
    const updated = db.prepare('UPDATE stored_findings SET status = ? WHERE id = ?').run(change.status, id);
    if (updated.changes === 0) return false;
    db.prepare('INSERT INTO finding_history (finding_id, status, note, reviewer, at) VALUES (?, ?, ?, ?, ?)').run(id, change.status, note, reviewer, at);
    return true;
  })();
  return changed ? getFinding(store, id) : null;
}

/** Scanned as an entry of its own; when scanning fails, nothing of the text is kept (spec/gdpr.md). */
function redactText(scanner: TextScanner, text: string, nowMs: number): string {
  if (text === '') return '';
  const entry: LogEntry = {
    time: new Date(nowMs).toISOString(),
    timeMs: nowMs,
    precision: 'subsecond',
    instance: '',
    provider: 'review',
    region: '',
    level: 'info',
    message: text,
    format: 'plain',
    unparsed: false,
    lines: text.split('\n').length,
  };
  try {
    return scanner.scan(entry).entry.message;
  } catch {
    return '[REDACTED]';
  }
}
