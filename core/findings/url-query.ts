/**
 * URL query strings inside log text. A query string in a log runs to the end of the line (test tools send
 * `?query=What is ZANTARA?` unencoded), and an `&` inside an unencoded value (`Tom & Jerry`) does not start a
 * parameter unless a name and `=` follow it.
 */

export interface QueryRange {
  /** First character after the `?`. */
  start: number;
  /** End of the line (or of the text). */
  end: number;
}

export interface QueryParam {
  nameStart: number;
  nameEnd: number;
  /** -1 when the parameter has no `=`. */
  valueStart: number;
  valueEnd: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters that end the token a URL is part of, looking back from its `?`. */
function endsToken(c: number): boolean {
  return isSpace(c) || c === 34 || c === 39 || c === 40 || c === 60 || c === 91;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    || c === 95 || c === 46 || c === 45 || c === 37 || c === 43 || c === 91 || c === 93;
}

/** A parameter name (1–64 name characters) and `=` right after `at`. */
function nameAndEqualsAt(text: string, at: number, to: number): boolean {
  const limit = Math.min(to, at + 65);
  let p = at;
  while (p < limit && isNameChar(text.charCodeAt(p))) p++;
  return p > at && p < to && text.charCodeAt(p) === 61;
}

/**
 * The query strings in text[from, to). `wholeUrl`: the text is one URL (Fly's `request.url`), so its first `?`
 * starts the query whatever follows. Otherwise a `?` starts one only when the token before it is a path or URL
 * (holds a `/`, or is empty at the start of the text) and `name=` follows it. `claimed` holds spans (pairs
 * start, end) already read otherwise: a `?` inside one is skipped.
 */
export function findQueryRanges(text: string, from: number, to: number, wholeUrl: boolean, claimed: readonly number[]): QueryRange[] {
  const out: QueryRange[] = [];
  let p = from;
  // The token before each `?`: where it starts, and whether it holds a `/`. Nothing before `barrier` belongs to
  // it (the start, the end of a claimed span or of a query string); its state is known up to `scanned`.
  let barrier = from;
  let scanned = -1;
  let tokenHasSlash = false;
  let tokenStart = from;
  let lineEnd = -1; // the end of the line holding the current `?`, searched once per line
  while (p < to) {
    const q = text.indexOf('?', p);
    if (q < 0 || q >= to) break;
    const skipTo = claimedEnd(claimed, q);
    if (skipTo >= 0) { p = skipTo; barrier = skipTo; continue; }
    if (scanned < barrier) {
      // The first `?` since the barrier: its token is read backwards, not the whole text before it, and only up
      // to a `/` (where the token starts matters only for a `?` at `from`, whose token is empty).
      tokenHasSlash = false;
      tokenStart = barrier;
      for (let k = q - 1; k >= barrier; k--) {
        const c = text.charCodeAt(k);
        if (endsToken(c)) { tokenStart = k + 1; break; }
        if (c === 47) { tokenHasSlash = true; break; }
      }
    } else {
      // Later ones carry the state forward: the text is read once however many `?` it holds.
      for (let k = scanned; k < q; k++) {
        const c = text.charCodeAt(k);
        if (endsToken(c)) { tokenHasSlash = false; tokenStart = k + 1; } else if (c === 47) tokenHasSlash = true;
      }
    }
    scanned = q;
    if (lineEnd < q) {
      lineEnd = text.indexOf('\n', q);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    }
    const isQuery = wholeUrl ? out.length === 0 : (tokenHasSlash || (tokenStart === from && q === from)) && nameAndEqualsAt(text, q + 1, lineEnd);
    if (isQuery) {
      out.push({ start: q + 1, end: lineEnd });
      p = lineEnd;
      barrier = lineEnd;
    } else {
      p = q + 1;
    }
  }
  return out;
}

function claimedEnd(claimed: readonly number[], at: number): number {
  for (let k = 0; k < claimed.length; k += 2) if (at >= (claimed[k] as number) && at < (claimed[k + 1] as number)) return claimed[k + 1] as number;
  return -1;
}

/** The parameters of text[start, end), `&`-separated; a piece with no `=`, or a space in its name, continues the value before it. */
export function splitQueryParams(text: string, start: number, end: number): QueryParam[] {
  const out: QueryParam[] = [];
  let p = start;
  let eq = -2;
  let amp = -2;
  while (p <= end) {
    if (amp !== -1 && amp < p) amp = text.indexOf('&', p);
    if (eq !== -1 && eq < p) eq = text.indexOf('=', p);
    const pieceEnd = amp >= 0 && amp < end ? amp : end;
    const hasEquals = eq >= 0 && eq < pieceEnd;
    const nameEnd = hasEquals ? eq : pieceEnd;
    const last = out[out.length - 1];
    let nameHasSpace = false;
    for (let k = p; k < nameEnd && !nameHasSpace; k++) nameHasSpace = isSpace(text.charCodeAt(k));
    if (last !== undefined && last.valueStart >= 0 && (!hasEquals || nameHasSpace)) {
      last.valueEnd = pieceEnd;
    } else if (pieceEnd > p) {
      out.push({ nameStart: p, nameEnd, valueStart: hasEquals ? eq + 1 : -1, valueEnd: pieceEnd });
    }
    p = pieceEnd + 1;
  }
  return out;
}
