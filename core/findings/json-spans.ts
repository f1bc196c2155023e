/**
 * A JSON reader that keeps where every value sits in the text: JSON.parse cannot say where a field was, and
 * its errors quote the input. Strict JSON (what winston writes); on anything else it answers null, and the
 * caller reads the text as plain text. Recursive descent with a depth bound; one pass, linear in the input.
 */
export interface JsonString {
  kind: 'string';
  /** The literal's content, between its quotes. */
  start: number;
  end: number;
  escaped: boolean;
}
export interface JsonScalar {
  kind: 'number' | 'literal';
  start: number;
  end: number;
}
/** Member k is keys[k]: values[k]; two arrays, not an object per member (a log line is read once per entry). */
export interface JsonObject {
  kind: 'object';
  start: number;
  end: number;
  keys: JsonString[];
  values: JsonNode[];
}
export interface JsonArray {
  kind: 'array';
  start: number;
  end: number;
  items: JsonNode[];
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

export const MAX_JSON_DEPTH = 64;

// Failure is a null passed up, not an exception: throwing through the recursion costs more than a line's scan.
class Reader {
  pos: number;
  constructor(readonly text: string, from: number) {
    this.pos = from;
  }
  skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      p++;
    }
    this.pos = p;
  }
  value(depth: number): JsonNode | null {
    if (depth > MAX_JSON_DEPTH) return null;
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    return this.literal();
  }
  object(depth: number): JsonObject | null {
    const start = this.pos++;
    const keys: JsonString[] = [];
    const values: JsonNode[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 125) { this.pos++; return { kind: 'object', start, end: this.pos, keys, values }; }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 34) return null;
      const key = this.string();
      if (key === null) return null;
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 58) return null;
      this.pos++;
      const value = this.value(depth + 1);
      if (value === null) return null;
      keys.push(key);
      values.push(value);
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 44) continue;
      if (c === 125) return { kind: 'object', start, end: this.pos, keys, values };
      return null;
    }
  }
  array(depth: number): JsonArray | null {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 93) { this.pos++; return { kind: 'array', start, end: this.pos, items }; }
    for (;;) {
      const item = this.value(depth + 1);
      if (item === null) return null;
      items.push(item);
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 44) continue;
      if (c === 93) return { kind: 'array', start, end: this.pos, items };
      return null;
    }
  }
  /** Position of the next backslash at or after the last search (-1: none left); cached so that a line with many strings is still read once. */
  private nextBackslash = -2;
  private backslashFrom(p: number): number {
    if (this.nextBackslash === -1) return -1;
    if (this.nextBackslash < p) this.nextBackslash = this.text.indexOf('\\', p);
    return this.nextBackslash;
  }
  string(): JsonString | null {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    let escaped = false;
    // indexOf runs natively: strings are most of a log line. Raw control characters are tolerated (lenient).
    let q = t.indexOf('"', p);
    for (;;) {
      if (q < 0) return null;
      const b = this.backslashFrom(p);
      if (b < 0 || b > q) break;
      escaped = true;
      p = b + 2;
      if (p > q) q = t.indexOf('"', p);
    }
    this.pos = q + 1;
    return { kind: 'string', start, end: q, escaped };
  }
  number(): JsonScalar | null {
    const t = this.text;
    const start = this.pos;
    let p = start;
    if (t.charCodeAt(p) === 45) p++;
    const digitsFrom = p;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) p++;
      else break;
    }
    if (p === digitsFrom) return null;
    this.pos = p;
    return { kind: 'number', start, end: p };
  }
  literal(): JsonScalar | null {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
    if (word === '' || !t.startsWith(word, start)) return null;
    this.pos += word.length;
    return { kind: 'literal', start, end: this.pos };
  }
}

/** Reads one JSON value starting at `from` (after optional whitespace); null when the text is not JSON there. */
export function parseJsonSpans(text: string, from = 0): { node: JsonNode; end: number } | null {
  const reader = new Reader(text, from);
  const node = reader.value(0);
  return node === null ? null : { node, end: reader.pos };
}
