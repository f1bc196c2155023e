/**
 * Cheap prefilters: which detectors could find anything in a text at all. Most log lines hold no leak, so the
 * scan's cost is mostly this: native indexOf and short regexes without nested quantifiers, no JS loop over
 * characters. A detector runs only when its bit is set; a text with no bit set is not looked at further.
 */
export const AT = 1; // '@': e-mail
export const ESCAPE = 2; // '%' or '\\': something may hide behind an encoding
export const QUESTION = 4; // '?': a URL query string
export const STREAM = 8; // '[Stream] Starting stream'
export const QUERY_KEY = 16; // a query-like field name followed by ':' or '='
export const CARD = 32;
export const PLUS = 64; // '+' before a digit: a phone
export const IBAN = 128;
export const IPV4 = 256;
export const IPV6 = 512;
export const API_KEY = 1024; // 'key:' of the rate limiter

const CARD_RE = /[3-6]\d{3}(?:[ -]?\d){9}/;
const PLUS_RE = /\+\d/;
const IBAN_RE = /[A-Z]{2}\d{2}(?: ?[0-9A-Z]){11}/;
const IPV4_RE = /\d\.\d{1,3}\.\d{1,3}\.\d/;
// Starts with a literal: V8 skips to each ':' natively. `::` or three groups between colons.
const IPV6_RE = /:(?::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)/;
const KEY_STEMS_RE = /prompt|question|content|history|messages/;

/**
 * A field name that may hold a query. `query` counts when no letter follows it (`queryHash` and `queryLength`
 * are in every stream audit line and are not queries).
 */
function hasQueryKey(text: string): boolean {
  let i = text.indexOf('uery');
  while (i >= 0) {
    const c = text.charCodeAt(i + 4);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return true;
    i = text.indexOf('uery', i + 4);
  }
  return KEY_STEMS_RE.test(text);
}

export const ALL = 2047;

/**
 * The triggers of `text`, limited to `mask`. A part of a text never has a trigger the whole lacks, so the parts
 * of a JSON line are checked only for what the line as a whole triggered. Literal searches first (native and
 * fast); the few regexes all lack nested quantifiers.
 */
export function triggersOf(text: string, mask = ALL): number {
  let t = 0;
  if ((mask & AT) !== 0 && text.indexOf('@') >= 0) t |= AT;
  if ((mask & ESCAPE) !== 0 && (text.indexOf('%') >= 0 || text.indexOf('\\') >= 0)) t |= ESCAPE;
  if ((mask & QUESTION) !== 0 && text.indexOf('?') >= 0) t |= QUESTION;
  if ((mask & STREAM) !== 0 && text.indexOf('Starting stream') >= 0) t |= STREAM;
  if ((mask & QUERY_KEY) !== 0 && hasQueryKey(text)) t |= QUERY_KEY;
  if ((mask & PLUS) !== 0 && text.indexOf('+') >= 0 && PLUS_RE.test(text)) t |= PLUS;
  if ((mask & API_KEY) !== 0 && text.indexOf('key:') >= 0) t |= API_KEY;
  if ((mask & IPV6) !== 0 && IPV6_RE.test(text)) t |= IPV6;
  if ((mask & CARD) !== 0 && CARD_RE.test(text)) t |= CARD;
  if ((mask & IBAN) !== 0 && IBAN_RE.test(text)) t |= IBAN;
  if ((mask & IPV4) !== 0 && IPV4_RE.test(text)) t |= IPV4;
  return t;
}

/** The detectors of values (as opposed to the query rules, which look at names). */
export const VALUE_TRIGGERS = AT | CARD | PLUS | IBAN | IPV4 | IPV6 | API_KEY;

/** The rules that look at structure (names, URLs, the stream line) rather than at values. */
export const STRUCTURE_TRIGGERS = STREAM | QUERY_KEY | QUESTION | ESCAPE;

const KEY_STEMS_ALL = /prompt|question|content|history|messages/g;

/**
 * Where the structural triggers (`?`, `%`, the stream line, query-like names) occur in a text, so that each
 * string of a JSON line is checked by its span instead of being searched again: a line holds a dozen strings,
 * and most of them hold nothing.
 */
export class StructureMarks {
  private readonly marks: number[] = [];
  /** Where each group of marks ends in `marks`: a group (one trigger's) is ascending as found, so none is sorted. */
  private readonly groupEnds: number[] = [];

  constructor(text: string, mask: number) {
    const marks = this.marks;
    if ((mask & QUESTION) !== 0) {
      for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) marks.push(i);
      this.endGroup();
    }
    if ((mask & ESCAPE) !== 0) {
      for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) marks.push(i);
      this.endGroup();
    }
    if ((mask & STREAM) !== 0) {
      for (let i = text.indexOf('Starting stream'); i >= 0; i = text.indexOf('Starting stream', i + 1)) marks.push(i);
      this.endGroup();
    }
    if ((mask & QUERY_KEY) !== 0) {
      for (let i = text.indexOf('uery'); i >= 0; i = text.indexOf('uery', i + 4)) {
        const c = text.charCodeAt(i + 4);
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) marks.push(i);
      }
      this.endGroup();
      const re = KEY_STEMS_ALL;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) marks.push(m.index);
      this.endGroup();
    }
  }

  private endGroup(): void {
    const ends = this.groupEnds;
    if (this.marks.length > (ends.length === 0 ? 0 : (ends[ends.length - 1] as number))) ends.push(this.marks.length);
  }

  /** Whether a trigger starts in text[start, end). */
  within(start: number, end: number): boolean {
    const marks = this.marks;
    let from = 0;
    for (const to of this.groupEnds) {
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((marks[mid] as number) < start) lo = mid + 1;
        else hi = mid;
      }
      if (lo < to && (marks[lo] as number) < end) return true;
      from = to;
    }
    return false;
  }
}
