/**
 * Queries written into free text: the stream service's `[Stream] Starting stream: <id>, query: "…"` line, and
 * `query: "…"` / `prompt='…'` pairs (console dumps of request bodies, JSON that did not parse).
 */

/** The connection id between the two is client-chosen, but a line that far apart is not the stream line. */
const MAX_ID_GAP = 1000;

/**
 * Where the query of a `[Stream] Starting stream` line starts (after `query:` and its space), or -1. The query
 * is the rest of the text: quotes and newlines inside it included.
 */
export function streamQueryStart(text: string): number {
  const at = text.indexOf('Starting stream');
  if (at < 0) return -1;
  const q = text.indexOf('query:', at);
  if (q < 0 || q - at > MAX_ID_GAP) return -1;
  let start = q + 6;
  if (text.charCodeAt(start) === 32) start++;
  return start;
}

/** The query as the backend had it: the logged text without its quotes and the `...` the backend appends. */
export function streamQueryValue(logged: string): string {
  let v = logged.trimEnd();
  if (v.startsWith('"')) v = v.slice(1);
  if (v.endsWith('..."')) v = v.slice(0, -4);
  else if (v.endsWith('"')) v = v.slice(0, -1);
  return v;
}

export interface QuotedQuery {
  key: string;
  /** The value between its quotes. */
  start: number;
  end: number;
}

const QUOTED_QUERY = /(?<![A-Za-z0-9_])(query|prompt|question|user_query)(\\*)["']?[ \t]*[:=][ \t]*(\\*)(["'])/gi;

/** `query: "…"` pairs in text[0, to); a value with no closing quote on its line runs to the end of the line. */
export function findQuotedQueries(text: string, to: number): QuotedQuery[] {
  const out: QuotedQuery[] = [];
  // Every pair ends in a quote: most texts with a query-like name (URLs: `?query=…`) have none to search for.
  if (text.indexOf('"') < 0 && text.indexOf("'") < 0) return out;
  const re = QUOTED_QUERY;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lineEnd = -1; // searched once per line, not once per match
  while ((m = re.exec(text)) !== null && m.index < to) {
    const escapes = (m[3] as string).length;
    const quote = m[4] as string;
    const start = m.index + m[0].length;
    if (lineEnd < start) {
      lineEnd = text.indexOf('\n', start);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    }
    let end = lineEnd;
    let p = start;
    for (;;) {
      const q = text.indexOf(quote, p);
      if (q < 0 || q >= lineEnd) break;
      // The closing quote carries exactly as many backslashes as the opening one.
      let b = 0;
      while (b < q - start && text.charCodeAt(q - 1 - b) === 92) b++;
      if (b === escapes) { end = q - escapes; break; }
      p = q + 1;
    }
    out.push({ key: (m[1] as string).toLowerCase(), start, end });
    re.lastIndex = Math.max(end, start);
  }
  return out;
}
