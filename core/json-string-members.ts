import { isHexDigit } from './char-class.ts';

/**
 * The string values of some top-level members of a JSON object text, without building the object: what
 * JSON.parse(text)[key] is when it is a string, else null (missing, or not a string; of repeated keys the last
 * counts, as in JSON.parse). undefined when not sure: the text is not strict JSON as this reader knows it (control
 * characters, nesting deeper than 64, or invalid); the caller then parses it with parseJsonObject, so an answer
 * here always equals JSON.parse's. Cheaper than building the object when a line is read for a field or two
 * (at most 31 keys).
 */
export function jsonStringMembers(text: string, keys: readonly string[]): (string | null)[] | undefined {
  if (text.charCodeAt(0) !== 123 || CONTROL.test(text)) return undefined;
  const r = reader;
  r.reset(text);
  const out = keys.map(() => null) as (string | null)[];
  let escaped = 0; // bit i: out[i] is still a literal's raw content, escapes and all
  let p = r.space(1);
  if (text.charCodeAt(p) === 125) return r.space(p + 1) === text.length ? out : undefined;
  for (;;) {
    if (text.charCodeAt(p) !== 34) return undefined;
    const keyEnd = r.string(p);
    if (keyEnd < 0) return undefined;
    const key = r.escapes ? (JSON.parse(text.slice(p, keyEnd)) as string) : null;
    let k = -1;
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i] as string;
      if (key === null ? keyEnd - p - 2 === name.length && text.startsWith(name, p + 1) : key === name) { k = i; break; }
    }
    p = r.space(keyEnd);
    if (text.charCodeAt(p) !== 58) return undefined;
    p = r.space(p + 1);
    const isString = text.charCodeAt(p) === 34;
    const end = r.value(p, 1);
    if (end < 0) return undefined;
    if (k >= 0) {
      out[k] = isString ? text.slice(p + 1, end - 1) : null;
      escaped = isString && r.escapes ? escaped | (1 << k) : escaped & ~(1 << k);
    }
    p = r.space(end);
    const c = text.charCodeAt(p);
    if (c === 44) { p = r.space(p + 1); continue; }
    if (c !== 125 || r.space(p + 1) !== text.length) return undefined;
    break;
  }
  // JSON.parse of a value's literal decodes it exactly as the parse of the whole text would.
  for (let i = 0; i < keys.length; i++) if ((escaped & (1 << i)) !== 0) out[i] = JSON.parse(`"${out[i] as string}"`) as string;
  return out;
}

/** Raw control characters: JSON forbids them in strings, and the reader does not tell them from spacing. */
const CONTROL = /[\x00-\x1f]/;
const MAX_DEPTH = 64;

/** A validating walk over strict JSON: each method answers where what it read ends, or -1. */
class StrictReader {
  private text = '';
  private nextBackslash = -2;
  /** Whether the last string read held an escape. */
  escapes = false;

  reset(text: string): void {
    this.text = text;
    this.nextBackslash = -2;
  }

  /** Past the spaces at `p`: with control characters ruled out, the only JSON whitespace left. */
  space(p: number): number {
    const t = this.text;
    while (t.charCodeAt(p) === 32) p++;
    return p;
  }

  private backslashFrom(p: number): number {
    if (this.nextBackslash === -1) return -1;
    if (this.nextBackslash < p) this.nextBackslash = this.text.indexOf('\\', p);
    return this.nextBackslash;
  }

  /** The string literal whose opening quote is at `p` (natively searched: strings are most of a line). */
  string(p: number): number {
    const t = this.text;
    let q = t.indexOf('"', p + 1);
    let from = p + 1;
    this.escapes = false;
    for (;;) {
      if (q < 0) return -1;
      const b = this.backslashFrom(from);
      if (b < 0 || b > q) return q + 1;
      this.escapes = true;
      const e = t.charCodeAt(b + 1);
      // " \ / b f n r t, or u and four hex digits: JSON.parse rejects any other escape.
      if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) from = b + 2;
      else if (e === 117 && isHexDigit(t.charCodeAt(b + 2)) && isHexDigit(t.charCodeAt(b + 3)) && isHexDigit(t.charCodeAt(b + 4)) && isHexDigit(t.charCodeAt(b + 5))) from = b + 6;
      else return -1;
      if (from > q) q = t.indexOf('"', from);
    }
  }

  value(p: number, depth: number): number {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === 34) return this.string(p);
    if (c === 123 || c === 91) return depth >= MAX_DEPTH ? -1 : this.container(p, c === 123, depth + 1);
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(p);
    if (c === 116) return t.startsWith('true', p) ? p + 4 : -1;
    if (c === 102) return t.startsWith('false', p) ? p + 5 : -1;
    if (c === 110) return t.startsWith('null', p) ? p + 4 : -1;
    return -1;
  }

  private container(open: number, object: boolean, depth: number): number {
    const t = this.text;
    const close = object ? 125 : 93;
    let p = this.space(open + 1);
    if (t.charCodeAt(p) === close) return p + 1;
    for (;;) {
      if (object) {
        if (t.charCodeAt(p) !== 34) return -1;
        p = this.string(p);
        if (p < 0) return -1;
        p = this.space(p);
        if (t.charCodeAt(p) !== 58) return -1;
        p = this.space(p + 1);
      }
      p = this.value(p, depth);
      if (p < 0) return -1;
      p = this.space(p);
      const c = t.charCodeAt(p);
      if (c === close) return p + 1;
      if (c !== 44) return -1;
      p = this.space(p + 1);
    }
  }

  /** -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  private number(p: number): number {
    const t = this.text;
    if (t.charCodeAt(p) === 45) p++;
    const first = t.charCodeAt(p);
    if (first === 48) p++;
    else if (first >= 49 && first <= 57) p = this.digits(p);
    else return -1;
    if (t.charCodeAt(p) === 46) {
      const q = this.digits(p + 1);
      if (q === p + 1) return -1;
      p = q;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const s = t.charCodeAt(q);
      if (s === 43 || s === 45) q++;
      const r = this.digits(q);
      if (r === q) return -1;
      p = r;
    }
    return p;
  }

  private digits(p: number): number {
    const t = this.text;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c < 48 || c > 57) break;
      p++;
    }
    return p;
  }
}

const reader = new StrictReader();
