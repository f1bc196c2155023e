import type { LogEntry } from './entry.ts';
import type { Finding } from './findings/finding.ts';
import type { Scanner } from './findings/scanner.ts';
import type { Signal } from './events/signal.ts';
import type { EntryIdentity } from './identity/entry-identity.ts';
import { classifyEntry } from './events/classify-entry.ts';
import { lineTemplate } from './findings/line-template.ts';

/** An entry ready to store: redacted, with its findings, the fact it carries and its identity. Holds no plaintext. */
export interface PreparedEntry {
  entry: LogEntry;
  findings: Finding[];
  /** The leak's log-line template, shared by the entry's findings. */
  template: string;
  signal: Signal | null;
  identity: bigint;
  leakedQueryHashes: string[];
  queryHashMac: string | null;
}

/**
 * The part of the ingest that needs no store, in the order the privacy promise needs: scan and redact first,
 * so the classifier, the identity and everything after them only ever see redacted text.
 */
export function prepareEntry(raw: LogEntry, scanner: Scanner | null, identity: EntryIdentity): PreparedEntry {
  const scanned = scanner?.scan(raw);
  const entry = scanned?.entry ?? raw;
  const findings = scanned?.findings ?? [];
  return {
    entry,
    findings,
    template: findings.length > 0 ? lineTemplate(entry.message) : '',
    signal: classifyEntry(entry),
    identity: identity.next(
      entry,
      findings.map((f) => f.fingerprint),
    ),
    leakedQueryHashes: scanned?.leakedQueryHashes ?? [],
    queryHashMac: scanned?.queryHashMac ?? null,
  };
}
