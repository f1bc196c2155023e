import type { LogEntry } from './entry.ts';
import type { Finding } from './findings/finding.ts';
import type { Scanner } from './findings/scanner.ts';
import type { Signal } from './events/signal.ts';
import type { EntryIdentity } from './identity/entry-identity.ts';
import { classifyEntry } from './events/classify-entry.ts';
import type { KeyedHash } from './findings/keyed-hash.ts';
import { oncePerValue } from './findings/once-per-value.ts';
import { rememberedHash } from './findings/remembered-hash.ts';

/** What the reconnect rule's keyed hash is made of: prefixed, so it never equals another fingerprint of the id. */
export function connectionMacInput(connectionId: string): string {
  return `conn:${connectionId}`;
}

/** An entry ready to store: redacted, with its findings, the fact it carries and its identity. Holds no plaintext. */
export interface PreparedEntry {
  entry: LogEntry;
  findings: Finding[];
  signal: Signal | null;
  identity: bigint;
  leakedQueryHashes: string[];
  queryHashMac: string | null;
  /**
   * Keyed hash of the signal's connection id (the reconnect rule remembers ids only so), made here when the
   * caller gives the key: it spares the writer's thread an HMAC per stream line. Null: the writer makes it.
   */
  connectionMac?: string | null;
}

/**
 * The part of the ingest that needs no store, in the order the privacy promise needs: scan and redact first,
 * so the classifier, the identity and everything after them only ever see redacted text.
 */
export function prepareEntry(raw: LogEntry, scanner: Scanner | null, identity: EntryIdentity, connectionKey?: KeyedHash): PreparedEntry {
  const scanned = scanner?.scan(raw);
  const entry = scanned?.entry ?? raw;
  const allFindings = scanned?.findings ?? [];
  const findings = oncePerValue(allFindings);
  const signal = classifyEntry(entry);
  const connectionId = signal !== null && 'connectionId' in signal ? signal.connectionId : null;
  return {
    entry,
    findings,
    signal,
    connectionMac: connectionKey === undefined || connectionId === null ? null : rememberedHash(connectionKey, connectionId, connectionMacInput),
    identity: identity.next(
      entry,
      // Every place's fingerprint, as before findings were kept once per value: identities stay stable.
      allFindings.map((f) => f.fingerprint),
    ),
    leakedQueryHashes: scanned?.leakedQueryHashes ?? [],
    queryHashMac: scanned?.queryHashMac ?? null,
  };
}
