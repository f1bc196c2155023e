import type { LogEntry } from '../entry.ts';
import type { Finding, FindingSource, RuleId } from './finding.ts';
import { RULE_SEVERITY } from './finding.ts';
import { codePointLength, maskEmail, maskValueOfLength } from './mask.ts';
import type { Hit, ScanState } from './hit.ts';
import { newScanState, redactionMark } from './hit.ts';
import type { QueryStringMemo } from './hit.ts';
import { KnownQueryStrings } from './known-query-strings.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { UniqueList } from './unique-list.ts';
import { sortFew } from './sort-few.ts';
import { rawSegment } from './segment.ts';
import { scanText } from './text-scanner.ts';
import { ALL } from './triggers.ts';
import { redactText } from './redact.ts';
import { backendQueryHash, createKeyedHash } from './keyed-hash.ts';
import { parseJsonSpans } from './json-spans.ts';
import { jsonFieldAt } from './field-path.ts';

/**
 * The GDPR scanner/redactor (spec/gdpr.md): the only code that sees plaintext. What leaves it is the entry
 * with every leak replaced by `[REDACTED:<rule>]`, and findings that hold only masked previews and keyed
 * fingerprints. Pure: no I/O, no clock.
 */
export interface ScannerOptions {
  /** The store's secret: key of every HMAC. */
  secret: Buffer;
  /** Queries whose backend hash is as good as plaintext (default: spec/gdpr.md § linkable-hash). */
  commonQueries?: readonly string[];
}

export interface ScanOutcome {
  /** The redacted entry: every finding's span in message/http.url/http.errorMessage replaced by `[REDACTED:<rule>]`. The same object when nothing was changed. */
  entry: LogEntry;
  findings: Finding[];
  /** HMACs (hex) of sha256(query).slice(0,16) for every plaintext query that leaked in this entry (for cross-entry linkable-hash). */
  leakedQueryHashes: string[];
  /** HMAC (hex) of the `queryHash` this entry's [AUDIT] line carries, when it carries one. */
  queryHashMac: string | null;
  /** True when the scan itself failed and the whole entry was redacted. */
  failed: boolean;
}

export interface Scanner {
  scan(entry: LogEntry): ScanOutcome;
  /** HMAC-SHA-256 (hex) of a value with the secret: how a known value is looked up (e-mails lower-cased, see canonicalValue). */
  fingerprint(value: string): string;
}

/** spec/gdpr.md § Rules, linkable-hash: what test traffic and people type first. */
export const COMMON_QUERIES: readonly string[] = [
  '', 'Hello', 'hello', 'Hi', 'hi', 'Test', 'test',
  ...Array.from({ length: 10 }, (_, i) => `Test${i + 1}`),
  ...Array.from({ length: 25 }, (_, i) => `Rate${i + 1}`),
  'Reconnect', 'What is ZANTARA?', 'What is B211A?', 'Tell me more', 'What documents do I need for B211A visa?',
];

export const SCAN_FAILED = redactionMark('scan-failed');

const SOURCE_ORDER: Readonly<Record<FindingSource, number>> = { message: 0, 'http.url': 1, 'http.errorMessage': 2 };
/** The sources of an entry's texts, in the order they are scanned. */
const SOURCES: readonly FindingSource[] = ['message', 'http.url', 'http.errorMessage'];
const QUERY_HASH = /queryHash\\*["']?\s*[:=]\s*\\*["']?([0-9a-fA-F]{16})(?![0-9A-Za-z])/g;
const GDPR_FALSE = /gdprCompliant\\*["']?\s*[:=]\s*\\*["']?(false)\b/;
const OPERATION = /operation\\*["']?\s*[:=]\s*\\*["']?([A-Za-z0-9_.:-]{1,64})/;

/**
 * The form of a value its fingerprint is made of: spellings of one e-mail, card, phone or IBAN group together.
 * A lookup by value must fingerprint this form (`scanner.fingerprint(canonicalValue('email', e))`).
 */
export function canonicalValue(rule: RuleId, value: string): string {
  switch (rule) {
    case 'email': return value.trim().toLowerCase();
    case 'credit-card': return value.replace(/\D/g, '');
    case 'phone': return `+${value.replace(/\D/g, '')}`;
    case 'iban': return value.replace(/ /g, '').toUpperCase();
    case 'linkable-hash': return value.toLowerCase();
    default: return value;
  }
}

/** A finding's facts that depend on its rule and value only. */
interface ValueFacts {
  length: number;
  preview: string;
  fingerprint: string;
}

function bySourceAndPlace(a: Finding, b: Finding): number {
  return SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.start - b.start || b.end - a.end;
}

function fieldOf(message: string, at: number, fallback: string): string {
  const first = message.indexOf('{');
  const parsed = first < 0 ? null : parseJsonSpans(message, first);
  return parsed === null ? fallback : jsonFieldAt(message, parsed.node, at, fallback).field;
}

const NO_LEAKS = new UniqueList();
/**
 * Bound of each memo the scanner keeps across entries. Those of values and query strings hold plaintext: only in
 * this process's memory (the scan's own), never written anywhere, and at most this many of each.
 */
const MEMO_LIMIT = 4096;
/** Longer values are not memoised: they seldom repeat, and the memo's memory stays small (its bound times this). */
const MAX_MEMO_VALUE = 1024;

export function createScanner(options: ScannerOptions): Scanner {
  const mac = createKeyedHash(options.secret);
  const macs = new BoundedMemo<string>(MEMO_LIMIT);
  const factMemos: Partial<Record<RuleId, BoundedMemo<ValueFacts>>> = {};
  let lastRule: RuleId | null = null;
  let lastValue = '';
  let lastFacts: ValueFacts | null = null;
  const knownQueryStrings = new KnownQueryStrings();
  const leaks = new Map<string, { hash: string; mac: string }>();
  const commonHashes = new Set((options.commonQueries ?? COMMON_QUERIES).map(backendQueryHash));

  /**
   * Fingerprints (and HMACs of backend query hashes) by value: traffic repeats its values (queries, users,
   * addresses, test-plan hashes), and a line often holds one twice.
   */
  function fingerprintOf(value: string): string {
    if (value.length > MAX_MEMO_VALUE) return mac(value);
    let f = macs.get(value);
    if (f === undefined) {
      f = mac(value);
      macs.set(value, f);
    }
    return f;
  }

  /**
   * What a finding of a value holds besides its place, by rule and value: the few values traffic repeats (its
   * queries, its users' addresses) are counted, masked and looked up once.
   */
  function factsOf(rule: RuleId, value: string): ValueFacts {
    // An entry's query is looked up for its leak and for each place it is in (a request log's message and url).
    if (value === lastValue && rule === lastRule && lastFacts !== null) return lastFacts;
    const memo = value.length > MAX_MEMO_VALUE ? null : (factMemos[rule] ??= new BoundedMemo<ValueFacts>(MEMO_LIMIT));
    let facts = memo?.get(value);
    if (facts === undefined) {
      const canonical = canonicalValue(rule, value);
      const length = codePointLength(value);
      facts = {
        length,
        preview: rule === 'email' ? maskEmail(canonical) : maskValueOfLength(value, length),
        fingerprint: fingerprintOf(canonical),
      };
      memo?.set(value, facts);
    }
    lastRule = rule;
    lastValue = value;
    lastFacts = facts;
    return facts;
  }

  function toFinding(hit: Hit, rule: RuleId, source: FindingSource): Finding {
    const facts = factsOf(rule, hit.value);
    return {
      rule,
      severity: RULE_SEVERITY[rule],
      source,
      field: hit.field,
      start: hit.start,
      end: hit.end,
      length: facts.length,
      preview: facts.preview,
      fingerprint: facts.fingerprint,
    };
  }

  /**
   * The entry-level facts of an [AUDIT] line: its own `gdprCompliant: false`, and its `queryHash`. `auditAt` and
   * `hashAt`: where the message holds `[AUDIT]` and `queryHash` (-1: nowhere), searched once per entry.
   */
  function scanAudit(message: string, state: ScanState, leaked: UniqueList, auditAt: number, hashAt: number): string | null {
    if (auditAt >= 0 && message.indexOf('false') >= 0 && message.indexOf('gdprCompliant') >= 0) {
      const m = GDPR_FALSE.exec(message);
      if (m !== null) {
        const start = m.index + m[0].length - 5;
        const operation = OPERATION.exec(message)?.[1] ?? '';
        // Points at the claim; nothing personal to redact in `false`, and redacting it would break the JSON.
        state.hits.push({ rule: 'self-reported', field: fieldOf(message, start, 'gdprCompliant'), start, end: start + 5, value: operation, replacement: null });
      }
    }
    if (hashAt < 0) return null;
    let queryHashMac: string | null = null;
    const re = QUERY_HASH;
    re.lastIndex = hashAt;
    let m: RegExpExecArray | null;
    while ((m = re.exec(message)) !== null) {
      const hash = (m[1] as string).toLowerCase();
      queryHashMac ??= fingerprintOf(hash);
      if (commonHashes.has(hash) || leaked.has(hash)) {
        const start = m.index + m[0].length - 16;
        state.hits.push({ rule: 'linkable-hash', field: fieldOf(message, start, 'queryHash'), start, end: start + 16, value: hash, replacement: redactionMark('linkable-hash') });
      }
    }
    return queryHashMac;
  }

  /**
   * The backend's hash of a leaked query (as written, and trimmed: either may be what it hashed) and the keyed
   * form handed on. Remembered by the query's fingerprint, never by the query: test traffic repeats its queries.
   */
  function addLeak(value: string, fingerprint: string, hashes: UniqueList | null, macs: UniqueList): void {
    let known = leaks.get(fingerprint);
    if (known === undefined) {
      const hash = backendQueryHash(value);
      known = { hash, mac: fingerprintOf(hash) };
      if (leaks.size >= MEMO_LIMIT) leaks.clear();
      leaks.set(fingerprint, known);
    }
    hashes?.add(known.hash);
    macs.add(known.mac);
    const trimmed = value.trim();
    if (trimmed !== value) {
      const hash = backendQueryHash(trimmed);
      hashes?.add(hash);
      macs.add(fingerprintOf(hash));
    }
  }

  /** What the scan of one entry's texts shares: emptied for each entry (one is scanned at a time). */
  const queryStrings: QueryStringMemo = { seen: null, seenInQuery: null, known: knownQueryStrings, lookups: 0 };

  function scanEntry(entry: LogEntry): ScanOutcome {
    queryStrings.seen = null;
    queryStrings.seenInQuery = null;
    queryStrings.lookups = 0;
    const message = newScanState(entry.message, null, queryStrings);
    scanText(rawSegment(entry.message), 'message', '', message, 0, false);
    let url: ScanState | null = null;
    let error: ScanState | null = null;
    const http = entry.http;
    if (http !== undefined) {
      if (http.url) {
        url = newScanState(http.url, false, queryStrings);
        scanText(rawSegment(http.url), 'url', 'url', url, 0, false, ALL, true);
      }
      if (http.errorMessage) {
        error = newScanState(http.errorMessage, false, queryStrings);
        scanText(rawSegment(http.errorMessage), 'error.message', 'error.message', error, 0, false);
      }
    }
    const auditAt = entry.message.indexOf('[AUDIT]');
    const hashAt = entry.message.indexOf('queryHash');
    if (message.hits.length === 0 && url === null && error === null && auditAt < 0 && hashAt < 0) {
      return { entry, findings: [], leakedQueryHashes: [], queryHashMac: null, failed: false };
    }
    const scans = [message, url, error];
    // The backend's hashes of the leaked queries are looked for only in an entry that carries a queryHash.
    let leakedHashes: UniqueList | null = null;
    let leakedMacs: UniqueList | null = null;
    for (const s of scans) {
      if (s === null) continue;
      for (const hit of s.hits) {
        if (hit.rule !== 'plaintext-query') continue;
        if (hashAt >= 0) leakedHashes ??= new UniqueList();
        leakedMacs ??= new UniqueList();
        addLeak(hit.value, factsOf('plaintext-query', hit.value).fingerprint, leakedHashes, leakedMacs);
      }
    }
    const queryHashMac = scanAudit(entry.message, message, leakedHashes ?? NO_LEAKS, auditAt, hashAt);
    if (message.hits.length === 0 && url === null && error === null) {
      return { entry, findings: [], leakedQueryHashes: [], queryHashMac, failed: false };
    }

    const findings: Finding[] = [];
    let out = entry;
    for (let k = 0; k < scans.length; k++) {
      const s = scans[k] as ScanState | null;
      if (s === null || s.hits.length === 0) continue;
      const source = SOURCES[k] as FindingSource;
      for (const hit of s.hits) if (hit.rule !== null) findings.push(toFinding(hit, hit.rule, source));
      const original = s.text;
      const redacted = redactText(original, s.hits);
      if (redacted === original) continue;
      if (out === entry) out = http === undefined ? { ...entry } : { ...entry, http: { ...http } };
      if (source === 'message') out.message = redacted;
      else if (source === 'http.url') (out.http ??= {}).url = redacted;
      else (out.http ??= {}).errorMessage = redacted;
    }
    sortFew(findings, bySourceAndPlace);
    return { entry: out, findings, leakedQueryHashes: leakedMacs === null ? [] : leakedMacs.items, queryHashMac, failed: false };
  }

  return {
    scan(entry) {
      try {
        return scanEntry(entry);
      } catch {
        // Whatever went wrong, nothing unscanned may leave: the whole entry's text is withheld.
        const redacted: LogEntry = { ...entry, message: SCAN_FAILED };
        if (entry.http !== undefined) {
          redacted.http = { ...entry.http };
          if (entry.http.url !== undefined) redacted.http.url = SCAN_FAILED;
          if (entry.http.errorMessage !== undefined) redacted.http.errorMessage = SCAN_FAILED;
        }
        return { entry: redacted, findings: [], leakedQueryHashes: [], queryHashMac: null, failed: true };
      }
    },
    fingerprint: (value) => mac(value),
  };
}
