import type { Store } from '../store.ts';

/** True when a finding older than `findingId` carries the same fingerprint: the leaked value is not new. */
export function fingerprintSeenBefore(store: Store, fingerprint: string, findingId: number): boolean {
  return (
    store.db
      .prepare<[string, number], { one: number }>('SELECT 1 AS one FROM findings WHERE fingerprint = ? AND id < ? LIMIT 1')
      .get(fingerprint, findingId) !== undefined
  );
}
