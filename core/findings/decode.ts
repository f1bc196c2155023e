import type { Segment } from './segment.ts';
import { isAsciiAlnum } from '../char-class.ts';

/**
 * Decoders that turn a raw view into what a reader of the log would understand: JSON string escapes,
 * percent-encoding (`+` for space in query strings), `\u0040` escapes in free text. Each returns a decoded
 * Segment mapped back to the raw source, or null when there was nothing to decode (no allocation then).
 * Every loop advances at least one character per step: linear in the input.
 */

/** Percent-decoding is applied at most this often (doubly encoded `%2540` needs 2; more is no longer a leak pattern but noise). */
export const MAX_DECODE_LEVELS = 3;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = hexValue(text.charCodeAt(at + k));
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

/** Decoded text, built from runs of the source and decoded characters, and where each character came from. */
class DecodedBuilder {
  private text = '';
  /** Positions in the source segment's text; made raw by finish(). */
  private readonly local: number[] = [];
  /** Appends `s` (1 or 2 UTF-16 units of one character) that came from source position `from`. */
  push(s: string, from: number): void {
    this.text += s;
    this.local.push(from);
    if (s.length === 2) this.local.push(from);
  }
  /** Appends source characters [from, to) verbatim. */
  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.text += source.slice(from, to);
    for (let p = from; p < to; p++) this.local.push(p);
  }
  finish(segment: Segment, end: number, jsonDepth = segment.jsonDepth): Segment {
    const map = this.local;
    map.push(end);
    // Positions in `segment` become raw positions in place: no second map.
    if (segment.map === null) {
      if (segment.base !== 0) for (let i = 0; i < map.length; i++) map[i] = (map[i] as number) + segment.base;
    } else {
      const parent = segment.map;
      const offset = segment.mapStart;
      for (let i = 0; i < map.length; i++) map[i] = parent[offset + (map[i] as number)] as number;
    }
    return { text: this.text, map, mapStart: 0, base: 0, jsonDepth };
  }
}

/** The content of a JSON string literal (between its quotes) as the string it denotes. */
export function decodeJsonString(segment: Segment): Segment {
  const t = segment.text;
  if (t.indexOf('\\') < 0) return { text: t, map: segment.map, mapStart: segment.mapStart, base: segment.base, jsonDepth: segment.jsonDepth + 1 };
  const out = new DecodedBuilder();
  let run = 0;
  let i = 0;
  while (i < t.length) {
    if (t.charCodeAt(i) !== 92 || i + 1 >= t.length) { i++; continue; }
    out.copy(t, run, i);
    const e = t[i + 1] as string;
    let width = 2;
    let ch: string;
    switch (e) {
      case 'n': ch = '\n'; break;
      case 't': ch = '\t'; break;
      case 'r': ch = '\r'; break;
      case 'b': ch = '\b'; break;
      case 'f': ch = '\f'; break;
      case 'u': {
        const v = hex4(t, i + 2);
        if (v < 0) { ch = '\\'; width = 1; } else { ch = String.fromCharCode(v); width = 6; }
        break;
      }
      default: ch = e; // \" \\ \/ and (leniently) anything else
    }
    out.push(ch, i);
    i += width;
    run = i;
  }
  out.copy(t, run, t.length);
  return out.finish(segment, t.length, segment.jsonDepth + 1);
}

/**
 * Decodes %XX runs as UTF-8 (bytes that do not form a character stay as written) and, with `plusIsSpace`, `+`
 * as a space — except a `+` right before a digit at the start of a word, which is a phone number's plus that a
 * client forgot to encode. Also decodes `\uXXXX` escapes when `unicode`. Null when nothing changed.
 */
export function decodeLayer(segment: Segment, plusIsSpace: boolean, unicode: boolean): Segment | null {
  const t = segment.text;
  const hasPercent = t.indexOf('%') >= 0;
  const hasPlus = plusIsSpace && t.indexOf('+') >= 0;
  const hasUnicode = unicode && t.indexOf('\\u') >= 0;
  if (!hasPercent && !hasPlus && !hasUnicode) return null;
  const out = new DecodedBuilder();
  const bytes: number[] = [];
  const starts: number[] = [];
  let changed = false;
  let run = 0;
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 37 /* % */ && hasPercent) {
      bytes.length = 0;
      starts.length = 0;
      let j = i;
      while (j + 2 < t.length && t.charCodeAt(j) === 37) {
        const h = hexValue(t.charCodeAt(j + 1));
        const l = hexValue(t.charCodeAt(j + 2));
        if (h < 0 || l < 0) break;
        bytes.push(h * 16 + l);
        starts.push(j);
        j += 3;
      }
      if (bytes.length === 0) { i++; continue; }
      out.copy(t, run, i);
      emitUtf8(bytes, starts, t, out);
      changed = true;
      i = j;
      run = i;
      continue;
    }
    if (c === 43 /* + */ && hasPlus) {
      const next = i + 1 < t.length ? t.charCodeAt(i + 1) : 0;
      const prev = i > 0 ? t.charCodeAt(i - 1) : 0;
      if (!(next >= 48 && next <= 57 && !isAsciiAlnum(prev))) {
        out.copy(t, run, i);
        out.push(' ', i);
        changed = true;
        run = i + 1;
      }
      i++;
      continue;
    }
    if (c === 92 /* \ */ && hasUnicode && t.charCodeAt(i + 1) === 117 /* u */) {
      const v = hex4(t, i + 2);
      if (v >= 0) {
        out.copy(t, run, i);
        out.push(String.fromCharCode(v), i);
        changed = true;
        i += 6;
        run = i;
        continue;
      }
    }
    i++;
  }
  if (!changed) return null;
  out.copy(t, run, t.length);
  return out.finish(segment, t.length);
}

/** Decodes as often as it keeps changing, up to MAX_DECODE_LEVELS; null when the first level changed nothing. */
export function decodeFully(segment: Segment, plusIsSpace: boolean, unicode: boolean): Segment | null {
  let current: Segment | null = null;
  for (let level = 0; level < MAX_DECODE_LEVELS; level++) {
    const next = decodeLayer(current ?? segment, plusIsSpace, unicode);
    if (next === null) break;
    current = next;
  }
  return current;
}

/** The smallest code point a sequence of 1 + n bytes may encode (anything less is an overlong form). */
const MIN_CODE_POINT = [0, 0x80, 0x800, 0x10000];

function emitUtf8(bytes: number[], starts: number[], source: string, out: DecodedBuilder): void {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k] as number;
    let need = 0;
    let cp = 0;
    if (b < 0x80) { need = 0; cp = b; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; }
    else need = -1;
    let ok = need >= 0 && k + need < bytes.length;
    for (let m = 1; ok && m <= need; m++) {
      const cb = bytes[k + m] as number;
      if ((cb & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (cb & 0x3f);
    }
    if (ok && need > 0 && (cp < (MIN_CODE_POINT[need] ?? 0) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    const at = starts[k] as number;
    if (!ok) {
      out.copy(source, at, at + 3); // not a character: stays as written
      k++;
      continue;
    }
    out.push(String.fromCodePoint(cp), at);
    k += need + 1;
  }
}
