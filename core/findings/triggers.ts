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

const PLUS_RE = /\+\d/;
const CARD_SHAPE = '[3-6]\\d{3}(?:[ -]?\\d){9}';
const IBAN_SHAPE = '[A-Z]{2}\\d{2}(?: ?[0-9A-Z]){11}';
const IPV4_SHAPE = '\\d\\.\\d{1,3}\\.\\d{1,3}\\.\\d';
/**
 * The card, IBAN and IPv4 shapes, one regex per subset of them (indexed by the subset's bits CARD_ALT, IBAN_ALT,
 * IPV4_ALT): one pass over a text finds the first of any, instead of a pass for each.
 */
const CARD_ALT = 1;
const IBAN_ALT = 2;
const IPV4_ALT = 4;
const NUMBER_SHAPES: readonly (RegExp | null)[] = Array.from({ length: 8 }, (_, alts) => {
  const shapes: string[] = [];
  if ((alts & CARD_ALT) !== 0) shapes.push(CARD_SHAPE);
  if ((alts & IBAN_ALT) !== 0) shapes.push(IBAN_SHAPE);
  if ((alts & IPV4_ALT) !== 0) shapes.push(IPV4_SHAPE);
  return shapes.length === 0 ? null : new RegExp(shapes.join('|'), 'g');
});
// Starts with a literal: V8 skips to each ':' natively. `::` or three groups between colons.
const IPV6_RE = /:(?::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)/;
/**
 * A field name that may hold a query: `query` when no letter follows it (`queryHash` and `queryLength` are in
 * every stream audit line and are not queries), or a stem of one. One regex for both: one pass over a text.
 */
const QUERY_KEY_RE = /uery(?![A-Za-z])|prompt|question|content|history|messages/g;

function hasQueryKey(text: string): boolean {
  QUERY_KEY_RE.lastIndex = 0;
  return QUERY_KEY_RE.test(text);
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
  if ((mask & (CARD | IBAN | IPV4)) !== 0) t |= numberShapes(text, mask);
  return t;
}

/**
 * Which of the card, IBAN and IPv4 shapes (those in `mask`) occur in `text`. No two of them can match at one
 * position (a card starts with two digits, an address with a digit and a dot, an IBAN with a capital), so the
 * first match of the combined regex tells which one it is, none of the others occurs before it, and the search
 * for the rest goes on from the next position.
 */
function numberShapes(text: string, mask: number): number {
  let alts = ((mask & CARD) !== 0 ? CARD_ALT : 0) | ((mask & IBAN) !== 0 ? IBAN_ALT : 0) | ((mask & IPV4) !== 0 ? IPV4_ALT : 0);
  let t = 0;
  let from = 0;
  while (alts !== 0) {
    const re = NUMBER_SHAPES[alts] as RegExp;
    re.lastIndex = from;
    const m = re.exec(text);
    if (m === null) break;
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c >= 65 && c <= 90) { t |= IBAN; alts &= ~IBAN_ALT; }
    else if (text.charCodeAt(at + 1) === 46) { t |= IPV4; alts &= ~IPV4_ALT; }
    else { t |= CARD; alts &= ~CARD_ALT; }
    from = at + 1;
  }
  return t;
}

/** The detectors of values (as opposed to the query rules, which look at names). */
export const VALUE_TRIGGERS = AT | CARD | PLUS | IBAN | IPV4 | IPV6 | API_KEY;

/** The rules that look at structure (names, URLs, the stream line) rather than at values. */
export const STRUCTURE_TRIGGERS = STREAM | QUERY_KEY | QUESTION | ESCAPE;

/** A search of the structural triggers of one text: the next occurrence of one at or after a position, or -1. */
const FIND_QUESTION = 0;
const FIND_PERCENT = 1;
const FIND_STREAM = 2;
const FIND_QUERY_KEY = 3;

/**
 * Where the structural triggers (`?`, `%`, the stream line, query-like names) occur in a text, so that each
 * string of a JSON line is checked by its span instead of being searched again: a line holds a dozen strings,
 * and most of them hold nothing. Searched lazily and remembered: the walk asks about spans in the order they
 * are written, so each trigger's next occurrence is searched for once (and only as far as it lies), and most
 * questions are answered by the nearest trigger of any kind, without a search.
 */
export class StructureMarks {
  /** Per search: where the last answer was looked for from, and what it was (-1: none at or after it). */
  private readonly from = [-1, -1, -1, -1];
  private readonly next = [-1, -1, -1, -1];
  /** The first trigger of any kind at or after `anyFrom`: most spans asked about lie before it. */
  private anyFrom = -1;
  private anyNext = 0;

  constructor(private readonly text: string, private readonly mask: number) {}

  /** Whether a trigger starts in text[start, end). */
  within(start: number, end: number): boolean {
    if (this.anyFrom < 0 || start < this.anyFrom || this.anyNext < start) {
      const mask = this.mask;
      let next = Infinity;
      if ((mask & QUESTION) !== 0) next = Math.min(next, this.nextFrom(FIND_QUESTION, start));
      if ((mask & ESCAPE) !== 0) next = Math.min(next, this.nextFrom(FIND_PERCENT, start));
      if ((mask & STREAM) !== 0) next = Math.min(next, this.nextFrom(FIND_STREAM, start));
      if ((mask & QUERY_KEY) !== 0) next = Math.min(next, this.nextFrom(FIND_QUERY_KEY, start));
      this.anyFrom = start;
      this.anyNext = next;
    }
    return this.anyNext < end;
  }

  /** The first occurrence at or after `at` (Infinity: none), from the last answer when it still holds. */
  private nextFrom(search: number, at: number): number {
    const from = this.from[search] as number;
    let next = this.next[search] as number;
    if (from < 0 || at < from || (next >= 0 && next < at)) {
      next = this.search(search, at);
      this.from[search] = at;
      this.next[search] = next;
    }
    return next < 0 ? Infinity : next;
  }

  private search(search: number, at: number): number {
    const text = this.text;
    switch (search) {
      case FIND_QUESTION: return text.indexOf('?', at);
      case FIND_PERCENT: return text.indexOf('%', at);
      case FIND_STREAM: return text.indexOf('Starting stream', at);
      default: {
        // The first match from `at` on is the first name starting there or after (see hasQueryKey). Where it
        // starts follows from where it ends (no match array): the names end in different letters but for
        // `uery`/`history` and `prompt`/`content`, whose endings differ.
        const re = QUERY_KEY_RE;
        re.lastIndex = at;
        if (!re.test(text)) return -1;
        const end = re.lastIndex;
        switch (text.charCodeAt(end - 1)) {
          case 121: return text.startsWith('history', end - 7) ? end - 7 : end - 4;
          case 116: return text.startsWith('prompt', end - 6) ? end - 6 : end - 7;
          default: return end - 8; // question, messages
        }
      }
    }
  }
}
