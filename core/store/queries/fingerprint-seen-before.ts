import type { Store } from '../store.ts';
import { prepared } from './prepared.ts';

/**
 * True when an older high finding carries the same fingerprint: the leaked value is not new. The store keeps the
 * first finding of each high fingerprint (the alerts ask about no others).
 */
export function fingerprintSeenBefore(store: Store, fingerprint: string, findingId: number): boolean {
  const first = prepared<[string], number>(store.db, 'SELECT first_finding_id FROM high_fingerprints WHERE fingerprint = ?', 'pluck').get(fingerprint);
  return first !== undefined && first < findingId;
}
