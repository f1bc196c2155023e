import type { RuleId } from './finding.ts';
import type { Hit, QueryStringMemo, QueryStringScan, ScanState } from './hit.ts';
import { KnownQueryStrings } from './known-query-strings.ts';
import { SmallMap } from './small-map.ts';
import { sortFew } from './sort-few.ts';
import { ipAddressesAllowed, redactionMark } from './hit.ts';
import type { Segment } from './segment.ts';
import { rawOffset, sliceSegment } from './segment.ts';
import { decodeFully, decodeJsonString } from './decode.ts';
import type { JsonNode, JsonString } from './json-spans.ts';
import { parseJsonSpans } from './json-spans.ts';
import type { Field } from './field-path.ts';
import { FieldPath, fieldKey, fieldText, jsonFieldAt, jsonKeyName } from './field-path.ts';
import { isBlank, isChatRole, isConversationField, isHashValue, isHistoryField, isQueryField, isQueryParam, isSqlStatement } from './query-values.ts';
import { findQuotedQueries, streamQueryStart, streamQueryValue } from './query-text.ts';
import { hasQueryName } from './query-name.ts';
import { findQueryRanges, splitQueryParams } from './url-query.ts';
import { findEmails } from './detect-email.ts';
import { findCards, findIbans, findPhones } from './detect-numbers.ts';
import { findPublicIpv4, findPublicIpv6 } from './detect-ip.ts';
import {
  ALL, API_KEY, AT, CARD, ESCAPE, IBAN, IPV4, IPV6, PLUS, QUERY_KEY, QUESTION, STREAM, STRUCTURE_TRIGGERS, StructureMarks,
  VALUE_TRIGGERS, triggersOf,
} from './triggers.ts';

/**
 * The walk over one source text: JSON (at any depth, JSON inside JSON strings too), URL query strings,
 * stream lines, free text. Every layer it opens (a JSON string, a URL parameter, a decoding) is a Segment
 * mapped to the raw source, so what it finds is reported where it is written. Hot path: no closures (tsx
 * wraps each one it creates), detectors append spans to arrays.
 */

/** Layers deeper than this (JSON in a string in a URL parameter in …) are only searched for values. */
const MAX_LAYERS = 8;

interface WalkMode {
  /** Inside a value already reported as a query: look for values only (no second plaintext-query). */
  inQuery: boolean;
  /** Items of a conversation: their `content` is a message. */
  conversation: boolean;
  /** The `content` of a message given as parts: their `text` is the message. */
  parts: boolean;
  /** A bare string item is a message too (parts, a `conversation_history`). */
  bareStrings: boolean;
}

const PLAIN: WalkMode = { inQuery: false, conversation: false, parts: false, bareStrings: false };
const IN_QUERY: WalkMode = { inQuery: true, conversation: false, parts: false, bareStrings: false };
const CONVERSATION: WalkMode = { inQuery: false, conversation: true, parts: false, bareStrings: false };
const HISTORY: WalkMode = { inQuery: false, conversation: true, parts: false, bareStrings: true };
const PARTS: WalkMode = { inQuery: false, conversation: false, parts: true, bareStrings: true };

function firstNonSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

/** `{`, or `[` followed by what a JSON array can hold (not `[Stream]`, `[AUDIT]`). */
function mayBeJson(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 123) return true;
  if (c !== 91) return false;
  const n = text.charCodeAt(firstNonSpace(text, at + 1));
  return n === 123 || n === 91 || n === 93 || n === 34 || n === 45 || (n >= 48 && n <= 57) || n === 116 || n === 102 || n === 110;
}

function addHit(state: ScanState, rule: RuleId, view: Segment, start: number, end: number, field: Field, value: string, replacement: string): void {
  state.hits.push({ rule, field: fieldText(field), start: rawOffset(view, start), end: rawOffset(view, end), value, replacement });
}

function addQuery(state: ScanState, view: Segment, start: number, end: number, field: Field, value: string): void {
  addHit(state, 'plaintext-query', view, start, end, field, value, QUERY_MARK);
}

const QUERY_MARK = redactionMark('plaintext-query');
const MARKS: Readonly<Record<RuleId, string>> = {
  'plaintext-query': QUERY_MARK,
  email: redactionMark('email'),
  'credit-card': redactionMark('credit-card'),
  iban: redactionMark('iban'),
  phone: redactionMark('phone'),
  'ip-address': redactionMark('ip-address'),
  'self-reported': redactionMark('self-reported'),
  'linkable-hash': redactionMark('linkable-hash'),
};

/**
 * Scans a text that may be JSON or free text. `field` names free text; `jsonPath` is the parent of the fields
 * of JSON. `mask` limits the triggers looked for (see triggersOf). `part`: the text is a raw part of one whose
 * triggers `mask` is, and so holds no others.
 */
export function scanText(segment: Segment, field: Field, jsonPath: Field, state: ScanState, depth: number, inQuery: boolean, mask = ALL, wholeUrl = false, part = false): void {
  const text = segment.text;
  if (text.length === 0) return;
  const first = firstNonSpace(text);
  const json = !wholeUrl && depth < MAX_LAYERS && mayBeJson(text, first);
  // Free text uses its triggers only to skip searches that would find nothing, so a part's free text may use
  // the whole's: not searched for them again (a request log's message and url strings, on every request).
  const triggers = part && !json ? mask : triggersOf(text, mask);
  if (triggers === 0) return;
  if (json) {
    if ((triggers & STRUCTURE_TRIGGERS) === 0) {
      // Only values to look for: search the text as it is, and read it as JSON only to name the fields of what
      // was found (most such lines hold a timestamp or a private address, and nothing).
      valuesInJson(segment, null, first, text.length, jsonPath, field, state, triggers, NO_CLAIMS);
      return;
    }
    const parsed = parseJsonSpans(text, first);
    if (parsed !== null && (parsed.node.kind === 'object' || parsed.node.kind === 'array')) {
      // The walk reads the strings that need reading (names that make a query, URLs, escapes); the values in
      // the rest of the JSON text are searched in one pass over it, skipping what the walk claimed.
      const claimed: number[] = [];
      const marks = new StructureMarks(text, triggers);
      // Names are read only when one could make a query (a `query=` inside a URL string does not).
      const names = (triggers & QUERY_KEY) !== 0 && hasQueryName(text);
      walkJson(parsed.node, segment, jsonPath, state, depth, inQuery ? IN_QUERY : PLAIN, triggers, names, marks, claimed);
      if ((triggers & VALUE_TRIGGERS) !== 0) valuesInJson(segment, parsed.node, first, parsed.end, jsonPath, field, state, triggers, claimed);
      if (firstNonSpace(text, parsed.end) < text.length) {
        const rest = sliceSegment(segment, parsed.end, text.length);
        scanPlain(rest, field, state, depth, inQuery, triggersOf(rest.text, triggers), false);
      }
      return;
    }
  }
  scanPlain(segment, field, state, depth, inQuery, triggers, wholeUrl);
}

const NO_CLAIMS: readonly number[] = [];

function claimedAt(claimed: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < claimed.length; k += 2) if (start < (claimed[k + 1] as number) && end > (claimed[k] as number)) return true;
  return false;
}

/** Notes that the spans added since the last call (pairs in `spans`) were found by `rule`. */
function noteRule(spans: readonly number[], rules: RuleId[], rule: RuleId): void {
  while (rules.length < spans.length / 2) rules.push(rule);
}

/**
 * The values (e-mails, cards, phones, IBANs, addresses, API-key prefixes) in JSON text [from, end), outside
 * `claimed` spans, each named by the field it lies in. `root` is parsed only when something is found.
 */
function valuesInJson(segment: Segment, root: JsonNode | null, from: number, end: number, jsonPath: Field, field: Field, state: ScanState, triggers: number, claimed: readonly number[]): void {
  const text = segment.text;
  const spans: number[] = [];
  const rules: RuleId[] = [];
  if ((triggers & AT) !== 0) { findEmails(text, from, end, spans); noteRule(spans, rules, 'email'); }
  if ((triggers & CARD) !== 0) { findCards(text, spans); noteRule(spans, rules, 'credit-card'); }
  if ((triggers & PLUS) !== 0) { findPhones(text, spans); noteRule(spans, rules, 'phone'); }
  if ((triggers & IBAN) !== 0) { findIbans(text, spans); noteRule(spans, rules, 'iban'); }
  if ((triggers & (IPV4 | IPV6)) !== 0 && !ipAddressesAllowed(state)) { findIps(text, triggers, spans); noteRule(spans, rules, 'ip-address'); }
  const keys = (triggers & API_KEY) !== 0 ? apiKeySpans(text) : NO_CLAIMS;
  if (spans.length === 0 && keys.length === 0) return;
  const tree = root ?? parseJsonSpans(text, from)?.node ?? null;
  const parent = fieldText(jsonPath);
  const quote = jsonQuote(segment.jsonDepth);
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k] as number;
    const e = spans[k + 1] as number;
    const rule = rules[k / 2] as RuleId;
    if (s < from || e > end || claimedAt(claimed, s, e) || (rule === 'ip-address' && afterGlobalLimiter(text, s))) continue;
    const at = tree === null ? null : jsonFieldAt(text, tree, s, '');
    const name = at === null || at.field === '' ? parent || fieldText(field) : parent === '' ? at.field : `${parent}.${at.field}`;
    // A bare number replaced by text must become a JSON string, or the stored line stops being JSON.
    const replacement = at !== null && at.inNumber ? `${quote}${MARKS[rule]}${quote}` : MARKS[rule];
    state.hits.push({ rule, field: name, start: rawOffset(segment, s), end: rawOffset(segment, e), value: text.slice(s, e), replacement });
  }
  for (let k = 0; k < keys.length; k += 2) {
    const s = keys[k] as number;
    const e = keys[k + 1] as number;
    if (s < from || e > end || claimedAt(claimed, s, e)) continue;
    state.hits.push({ rule: null, field: parent || fieldText(field), start: rawOffset(segment, s), end: rawOffset(segment, e), value: '', replacement: '…' });
  }
}

function stringSegment(segment: Segment, node: JsonString): Segment {
  // Without escapes the content is the string: one view of it, not a slice and then its decoding.
  if (!node.escaped) return sliceSegment(segment, node.start, node.end, segment.jsonDepth + 1);
  return decodeJsonString(sliceSegment(segment, node.start, node.end));
}

function claim(claimed: number[], node: JsonNode): void {
  claimed.push(node.start, node.end);
}

function walkJson(node: JsonNode, segment: Segment, path: Field, state: ScanState, depth: number, mode: WalkMode, mask: number, names: boolean, marks: StructureMarks, claimed: number[]): void {
  if (node.kind === 'object') {
    const keys = node.keys;
    const values = node.values;
    // Names matter only where a name can make a query: skip decoding them on lines that cannot have one.
    const named = !mode.inQuery && (names || mode.conversation || mode.parts);
    let hasRole = false;
    if (named) {
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as JsonString;
        const value = values[k] as JsonNode;
        if (value.kind === 'string' && key.end - key.start === 4 && jsonKeyName(segment, key) === 'role') {
          hasRole = isChatRole(stringSegment(segment, value).text);
        }
      }
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as JsonString;
      const value = values[k] as JsonNode;
      if (!named) {
        if (!ignorable(value, marks)) visitValue(value, segment, new FieldPath(path, segment, key, -1), state, depth, mode.inQuery ? IN_QUERY : PLAIN, mask, names, marks, claimed);
        continue;
      }
      const childPath = new FieldPath(path, segment, key, -1);
      const lower = jsonKeyName(segment, key).toLowerCase();
      const isMessage = (lower === 'content' && (hasRole || mode.conversation)) || (mode.parts && lower === 'text');
      if (isQueryField(lower) || isMessage) {
        if (value.kind === 'string') {
          claim(claimed, value);
          leakString(stringSegment(segment, value), childPath, state, depth, lower === 'query');
          continue;
        }
        // A query or message given as parts (`{"text": …}`, `["…"]`): each part is the query.
        if (value.kind === 'array' || value.kind === 'object') { walkJson(value, segment, childPath, state, depth, PARTS, mask, names, marks, claimed); continue; }
      }
      if (isConversationField(lower)) {
        if (value.kind === 'array') { walkJson(value, segment, childPath, state, depth, isHistoryField(lower) ? HISTORY : CONVERSATION, mask, names, marks, claimed); continue; }
        if (value.kind === 'string') {
          claim(claimed, value);
          leakConversation(stringSegment(segment, value), childPath, state, depth + 1);
          continue;
        }
      }
      visitValue(value, segment, childPath, state, depth, PLAIN, mask, names, marks, claimed);
    }
    return;
  }
  if (node.kind === 'array') {
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'string' && !mode.inQuery && mode.bareStrings) {
        claim(claimed, item);
        leakString(stringSegment(segment, item), new FieldPath(path, segment, null, i), state, depth, false);
      } else if (!ignorable(item, marks)) {
        visitValue(item, segment, new FieldPath(path, segment, null, i), state, depth, mode, mask, names, marks, claimed);
      }
    }
    return;
  }
  visitValue(node, segment, path, state, depth, mode, mask, names, marks, claimed);
}

/** A value visitValue leaves to the values pass (its path is then never needed: most values are these). */
function ignorable(node: JsonNode, marks: StructureMarks): boolean {
  if (node.kind === 'string') return node.end === node.start || (!node.escaped && !marks.within(node.start, node.end));
  return node.kind === 'number' || node.kind === 'literal';
}

/**
 * A value inside JSON. A string is read here only when it needs more than the values pass over the whole JSON
 * text: escapes to decode (they may hide anything), or structure (a URL, a stream line, a nested query). Numbers
 * and plain strings are left to that pass.
 */
function visitValue(node: JsonNode, segment: Segment, path: Field, state: ScanState, depth: number, mode: WalkMode, mask: number, names: boolean, marks: StructureMarks, claimed: number[]): void {
  if (node.kind === 'string') {
    if (node.end === node.start) return;
    if (node.escaped) {
      claim(claimed, node);
      scanText(stringSegment(segment, node), path, path, state, depth + 1, mode.inQuery, ALL);
      return;
    }
    if (!marks.within(node.start, node.end)) return;
    claim(claimed, node);
    scanText(stringSegment(segment, node), path, path, state, depth + 1, mode.inQuery, mask, false, mask !== ALL);
    return;
  }
  if (node.kind === 'object' || node.kind === 'array') walkJson(node, segment, path, state, depth, mode, mask, names, marks, claimed);
}

/** A double quote as written `depth` JSON string literals deep (`"`, `\"`, `\\\"`, …). */
function jsonQuote(depth: number): string {
  let q = '"';
  for (let d = 0; d < depth; d++) q = q.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return q;
}

/** A string that holds a query (a `query` field, a message's content): a leak unless blank, a hash, or SQL. */
function leakString(value: Segment, field: Field, state: ScanState, depth: number, sqlPossible: boolean): void {
  const text = value.text;
  if (isBlank(text) || isHashValue(text)) return;
  if (sqlPossible && isSqlStatement(text)) {
    scanText(value, field, field, state, depth + 1, false);
    return;
  }
  addQuery(state, value, 0, text.length, field, text);
  scanText(value, field, field, state, depth + 1, true);
}

/** A conversation history given as text (a URL parameter, a JSON string): each message's content is a leak. */
function leakConversation(value: Segment, field: Field, state: ScanState, depth: number): void {
  const text = value.text;
  if (isBlank(text) || isHashValue(text)) return;
  const first = firstNonSpace(text);
  if (depth < MAX_LAYERS && mayBeJson(text, first)) {
    const parsed = parseJsonSpans(text, first);
    if (parsed !== null && (parsed.node.kind === 'array' || parsed.node.kind === 'object')) {
      const claimed: number[] = [];
      walkJson(parsed.node, value, field, state, depth, parsed.node.kind === 'array' ? HISTORY : PLAIN, ALL, true, new StructureMarks(text, ALL), claimed);
      valuesInJson(value, parsed.node, first, parsed.end, field, field, state, triggersOf(text, VALUE_TRIGGERS), claimed);
      return;
    }
  }
  addQuery(state, value, 0, text.length, field, text);
  scanText(value, field, field, state, depth + 1, true);
}

function scanPlain(segment: Segment, field: Field, state: ScanState, depth: number, inQuery: boolean, triggers: number, wholeUrl: boolean): void {
  const text = segment.text;
  let limit = text.length;
  if (!inQuery && !wholeUrl && (triggers & STREAM) !== 0) {
    const start = streamQueryStart(text);
    if (start >= 0) {
      const value = streamQueryValue(text.slice(start));
      if (!isBlank(value) && !isHashValue(value)) addQuery(state, segment, start, text.length, field, value);
      scanValues(sliceSegment(segment, start, text.length), field, state, -1, triggers);
      limit = start;
    }
  }
  // Parts of the text read as query values (pairs start, end); the rest is searched for values afterwards.
  const claimed: number[] = [];
  if (!inQuery && !wholeUrl && (triggers & QUERY_KEY) !== 0) {
    for (const q of findQuotedQueries(text, limit)) {
      const value = sliceSegment(segment, q.start, q.end);
      claimed.push(q.start, q.end);
      if (!isBlank(value.text) && !isHashValue(value.text) && !(q.key === 'query' && isSqlStatement(value.text))) {
        addQuery(state, segment, q.start, q.end, field, value.text);
      }
      scanValues(value, field, state, -1, triggers);
    }
  }
  if ((triggers & QUESTION) !== 0) {
    for (const range of findQueryRanges(text, 0, limit, wholeUrl, claimed)) {
      claimed.push(range.start, range.end);
      scanQueryString(segment, range.start, range.end, state, depth, inQuery);
    }
  }
  if ((triggers & (VALUE_TRIGGERS | ESCAPE)) === 0) return;
  if (claimed.length === 0) {
    if (limit === text.length) scanValues(segment, field, state, triggers);
    else scanValues(sliceSegment(segment, 0, limit), field, state, -1, triggers);
    return;
  }
  let gap = 0;
  if (claimed.length === 2) {
    // One claimed part (a request log's query string): nothing to sort.
    gap = scanGap(segment, field, state, triggers, gap, claimed[0] as number, claimed[1] as number);
  } else {
    const spans: [number, number][] = [];
    for (let k = 0; k < claimed.length; k += 2) spans.push([claimed[k]!, claimed[k + 1]!]);
    sortFew(spans, byStart);
    for (const [s, e] of spans) gap = scanGap(segment, field, state, triggers, gap, s, e);
  }
  if (gap < limit) scanValues(sliceSegment(segment, gap, limit), field, state, -1, triggers);
}

/** Scans the text between `gap` and the claimed span [s, e) for values; answers where the next gap starts. */
function scanGap(segment: Segment, field: Field, state: ScanState, triggers: number, gap: number, s: number, e: number): number {
  if (s > gap) scanValues(sliceSegment(segment, gap, s), field, state, -1, triggers);
  return Math.max(gap, e);
}

function byStart(a: [number, number], b: [number, number]): number {
  return a[0] - b[0];
}

/**
 * The length of what a request log writes after the URL, when text[start, end) ends with it: ` HTTP/1.1` (or
 * ` HTTP/2`), or ` - 200` (the status) on a completed request; 0 otherwise. What /(?: HTTP\/\d(?:\.\d)?| - \d{3})$/
 * finds, without a slice and a regex per query string (at most one of the three can end a text).
 */
function urlSuffixLength(text: string, start: number, end: number): number {
  const room = end - start;
  const c = text.charCodeAt(end - 1);
  if (room < 6 || c < 48 || c > 57) return 0;
  if (room >= 9 && text.charCodeAt(end - 2) === 46 && isDigitAt(text, end - 3) && text.startsWith(' HTTP/', end - 9)) return 9;
  if (room >= 7 && text.startsWith(' HTTP/', end - 7)) return 7;
  if (isDigitAt(text, end - 2) && isDigitAt(text, end - 3) && text.startsWith(' - ', end - 6)) return 6;
  return 0;
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

function scanQueryString(segment: Segment, start: number, rangeEnd: number, state: ScanState, depth: number, inQuery: boolean): void {
  const text = segment.text;
  let end = rangeEnd;
  while (end > start && (text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 32)) end--;
  end -= urlSuffixLength(text, start, end);
  const memo = state.queryStrings;
  memo.lookups++;
  // Read as written (no decoding between it and the source): its findings can be reused where it is repeated.
  if (segment.map !== null) {
    readQueryParams(segment, start, end, state, depth, inQuery);
    return;
  }
  const key = text.slice(start, end);
  const origin = segment.base + start;
  const seen = inQuery ? memo.seenInQuery : memo.seen;
  const again = seen?.get(key);
  if (again !== undefined) {
    pushShifted(state, again.hits, origin);
    return;
  }
  // In another entry, the same text read the same way gives the same findings: the way takes in how deep it
  // lies (layers, JSON string quotes), whether it is inside a query, and whether this entry keeps its addresses.
  let way = -1;
  if (end - start <= MAX_KNOWN_QUERY_STRING) {
    way = KnownQueryStrings.way(depth, segment.jsonDepth, inQuery, ipAddressesAllowed(state));
    const scan = memo.known.get(way, key);
    if (scan !== undefined) {
      pushShifted(state, scan.hits, origin);
      remember(memo, inQuery, key, scan);
      return;
    }
  }
  const first = state.hits.length;
  const lookups = memo.lookups;
  readQueryParams(segment, start, end, state, depth, inQuery);
  const hits: Hit[] = [];
  for (let h = first; h < state.hits.length; h++) {
    const hit = state.hits[h] as Hit;
    hits.push(shifted(hit, -origin));
  }
  const scan: QueryStringScan = { hits };
  remember(memo, inQuery, key, scan);
  // One that looked up others (a URL inside a parameter) may have reused what this entry read before it.
  if (way >= 0 && memo.lookups === lookups) memo.known.set(way, key, scan);
}

function remember(memo: QueryStringMemo, inQuery: boolean, key: string, scan: QueryStringScan): void {
  if (inQuery) (memo.seenInQuery ??= new SmallMap()).set(key, scan);
  else (memo.seen ??= new SmallMap()).set(key, scan);
}

/** Longer query strings are not kept across entries: they seldom repeat, and the memo's memory stays small. */
const MAX_KNOWN_QUERY_STRING = 2048;

function pushShifted(state: ScanState, hits: readonly Hit[], origin: number): void {
  for (const h of hits) state.hits.push(shifted(h, origin));
}

/** A copy of a hit moved by `by`; a literal, not a spread: it runs for every hit of a remembered query string. */
function shifted(h: Hit, by: number): Hit {
  return { rule: h.rule, field: h.field, start: h.start + by, end: h.end + by, value: h.value, replacement: h.replacement };
}

function readQueryParams(segment: Segment, start: number, end: number, state: ScanState, depth: number, inQuery: boolean): void {
  const text = segment.text;
  for (const p of splitQueryParams(text, start, end)) {
    const rawName = sliceSegment(segment, p.nameStart, p.nameEnd);
    const nameView = decodeFully(rawName, true, false) ?? rawName;
    const name = nameView.text;
    if (name.indexOf('@') >= 0 || name.indexOf('+') >= 0) scanValues(nameView, 'url', state, -1);
    if (p.valueStart < 0 || p.valueStart === p.valueEnd) continue;
    const field = fieldKey('url', name);
    const raw = sliceSegment(segment, p.valueStart, p.valueEnd);
    const value = decodeFully(raw, true, true) ?? raw;
    if (!inQuery && isQueryParam(name) && !isBlank(value.text) && !isHashValue(value.text)) {
      if (name.toLowerCase() === 'conversation_history') leakConversation(value, field, state, depth + 1);
      else {
        addQuery(state, value, 0, value.text.length, field, value.text);
        scanText(value, field, field, state, depth + 1, true);
      }
      continue;
    }
    scanText(value, field, field, state, depth + 1, inQuery);
  }
}

const LIMITER_PHRASE = 'exceeded for IP:';

/** The global limiter keeps the client address on purpose (log-formats.md § Rate limiting). */
function afterGlobalLimiter(text: string, at: number): boolean {
  // Only a phrase starting in the 40 characters before `at` counts: only those are read.
  return text.slice(Math.max(0, at - 40), at + LIMITER_PHRASE.length).indexOf(LIMITER_PHRASE) >= 0;
}

const API_KEY_PREFIX = /(?<![A-Za-z0-9_])key:([^\s"'\\,;()[\]{}<>]+)/g;
/** A rate-limit key keeps this much of the API key it was cut from (spec/gdpr.md: a secret prefix). */
const API_KEY_KEPT = 4;

function addSpans(state: ScanState, rule: RuleId, view: Segment, field: Field, spans: number[]): void {
  const text = view.text;
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k]!;
    const e = spans[k + 1]!;
    if (rule === 'ip-address' && afterGlobalLimiter(text, s)) continue;
    addHit(state, rule, view, s, e, field, text.slice(s, e), MARKS[rule]);
  }
  spans.length = 0;
}

/**
 * E-mails, cards, phones, IBANs, IP addresses and API-key prefixes in free text (decoded first when it holds
 * escapes). `knownTriggers`: the text's own, when known (else -1). `within`: those of a text it is a raw part of;
 * a part has none its whole lacks, so only those are looked for (unless decoding made a new text).
 */
function scanValues(segment: Segment, field: Field, state: ScanState, knownTriggers: number, within = ALL): void {
  let view = segment;
  const raw = segment.text;
  if (raw.indexOf('%') >= 0 || raw.indexOf('\\u') >= 0) view = decodeFully(segment, false, true) ?? segment;
  const text = view.text;
  let triggers: number;
  if (view !== segment) triggers = triggersOf(text, VALUE_TRIGGERS);
  else triggers = knownTriggers >= 0 ? knownTriggers : triggersOf(text, VALUE_TRIGGERS & within);
  if ((triggers & VALUE_TRIGGERS) === 0) return;
  const spans: number[] = [];
  if ((triggers & AT) !== 0) { findEmails(text, 0, text.length, spans); addSpans(state, 'email', view, field, spans); }
  if ((triggers & CARD) !== 0) { findCards(text, spans); addSpans(state, 'credit-card', view, field, spans); }
  if ((triggers & PLUS) !== 0) { findPhones(text, spans); addSpans(state, 'phone', view, field, spans); }
  if ((triggers & IBAN) !== 0) { findIbans(text, spans); addSpans(state, 'iban', view, field, spans); }
  if ((triggers & (IPV4 | IPV6)) !== 0 && !ipAddressesAllowed(state)) {
    findIps(text, triggers, spans);
    addSpans(state, 'ip-address', view, field, spans);
  }
  if ((triggers & API_KEY) !== 0) {
    const keys = apiKeySpans(text);
    for (let k = 0; k < keys.length; k += 2) {
      state.hits.push({ rule: null, field: fieldText(field), start: rawOffset(view, keys[k] as number), end: rawOffset(view, keys[k + 1] as number), value: '', replacement: '…' });
    }
  }
}

/** Public IP addresses; IPv6 first, as an IPv4 address written inside one (`::ffff:203.0.113.9`) is the same address. */
function findIps(text: string, triggers: number, out: number[]): void {
  const from = out.length;
  if ((triggers & IPV6) !== 0) findPublicIpv6(text, out);
  const v6 = out.length;
  if ((triggers & IPV4) !== 0) findPublicIpv4(text, out);
  for (let k = out.length - 2; k >= v6; k -= 2) {
    for (let j = from; j < v6; j += 2) {
      if ((out[k] as number) >= (out[j] as number) && (out[k + 1] as number) <= (out[j + 1] as number)) { out.splice(k, 2); break; }
    }
  }
}

/** The part of each `key:<API key prefix>` past its first 4 characters (the rate limiter's key of an API client). */
function apiKeySpans(text: string): number[] {
  const out: number[] = [];
  const re = API_KEY_PREFIX;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if ((m[1] as string).length <= API_KEY_KEPT) continue;
    out.push(m.index + 4 + API_KEY_KEPT, m.index + m[0].length);
  }
  return out;
}
