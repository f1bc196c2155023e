import type { RuleId } from './finding.ts';
import type { KnownQueryStrings } from './known-query-strings.ts';
import type { SmallMap } from './small-map.ts';

/**
 * One thing the scan found in one source text, before it becomes a Finding: it still holds the plaintext
 * value (for the fingerprint), so it never leaves core/findings.
 */
export interface Hit {
  /** null: a redaction that is no finding (the part of an API-key prefix past its first 4 characters). */
  rule: RuleId | null;
  field: string;
  /** Span [start, end) in the raw source text. */
  start: number;
  end: number;
  /** The decoded value. */
  value: string;
  /** What replaces the span in the stored text; null when the span is pointed at but kept (`self-reported`). */
  replacement: string | null;
}

export function redactionMark(rule: string): string {
  return `[REDACTED:${rule}]`;
}

/** What one URL query string produced, offsets relative to its start: a URL logged twice is read once. */
export interface QueryStringScan {
  hits: Hit[];
}

/** Everything one scan of a source text gathers. */
export interface ScanState {
  hits: Hit[];
  /**
   * The entry is a `security.*`/`auth.*` audit line: the backend keeps IP addresses there on purpose. null until
   * an address is found (then `text` decides): most lines have none.
   */
  ipAllowed: boolean | null;
  /** The source text being scanned. */
  text: string;
  /** Query strings already read in this entry (the request logs write the URL in the message and in `url`). */
  queryStrings: QueryStringMemo;
}

/** Shared by the scans of one entry's texts; its maps are made on first use (most entries hold no URL). */
export interface QueryStringMemo {
  /** Query strings this entry has read, outside and inside a reported query. */
  seen: SmallMap<QueryStringScan> | null;
  seenInQuery: SmallMap<QueryStringScan> | null;
  /** Those read in earlier entries (held by the scanner): traffic repeats its URLs. */
  known: KnownQueryStrings;
  /** How many query strings this entry's scan has looked up so far (a reading that looked up others depends on the entry). */
  lookups: number;
}

export function newScanState(text: string, ipAllowed: boolean | null, queryStrings: QueryStringMemo): ScanState {
  return { hits: [], ipAllowed, text, queryStrings };
}

const KEEPS_IPS = /operation\\*["']?\s*[:=]\s*\\*["']?(?:security|auth)\./g;

/** Whether IP addresses in this text are ones the backend keeps on purpose. */
export function ipAddressesAllowed(state: ScanState): boolean {
  if (state.ipAllowed === null) {
    // Native search for the name first: most texts with an address (request logs) have no operation at all.
    const at = state.text.indexOf('operation');
    if (at < 0) state.ipAllowed = false;
    else {
      KEEPS_IPS.lastIndex = at;
      state.ipAllowed = KEEPS_IPS.test(state.text);
    }
  }
  return state.ipAllowed;
}
