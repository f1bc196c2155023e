import { isAsciiAlnum, isDigit, isHexDigit, isWordChar } from '../char-class.ts';

/**
 * The replacements a line template makes of what varies per line (redaction marks, connection ids, hex request
 * ids), each exactly what its regex replace would give, found by native search or a stride over the text instead:
 * every flagged line is generalized, and a regex replace per step costs more than the rest of its template.
 */

const MARK = '[REDACTED:';

/**
 * What `text.replace(/\[REDACTED:[a-z-]+\]/g, '<…>')` gives, by native search for the mark instead of a regex
 * replace (every flagged line holds one): a mark is `[REDACTED:`, a whole run of `a`–`z` and `-`, and `]`.
 */
export function replaceMarks(text: string): string {
  let at = text.indexOf(MARK);
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    let e = at + MARK.length;
    for (let c = text.charCodeAt(e); (c >= 97 && c <= 122) || c === 45; c = text.charCodeAt(e)) e++;
    if (e > at + MARK.length && text.charCodeAt(e) === 93) {
      out += text.slice(copied, at) + '<…>';
      copied = e + 1;
      at = text.indexOf(MARK, copied);
    } else {
      at = text.indexOf(MARK, at + 1);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * What `text.replace(/\bconn_\d+_[A-Za-z0-9]+/g, '<id>')` gives, by native search: `conn_` after no word
 * character, a whole run of digits, `_`, and a whole run of letters and digits.
 */
export function replaceConnectionIds(text: string): string {
  let at = text.indexOf('conn_');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    let e = at + 5;
    const digits = e;
    while (isDigit(text.charCodeAt(e))) e++;
    let end = -1;
    if (e > digits && text.charCodeAt(e) === 95 && (at === 0 || !isWordChar(text.charCodeAt(at - 1)))) {
      const id = ++e;
      while (isAsciiAlnum(text.charCodeAt(e))) e++;
      if (e > id) end = e;
    }
    if (end >= 0) {
      out += text.slice(copied, at) + '<id>';
      copied = end;
      at = text.indexOf('conn_', end);
    } else {
      at = text.indexOf('conn_', at + 1);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * What `text.replace(/\b(?=[0-9a-f]*[0-9])[0-9a-f]{12,}\b/gi, '<id>')` gives (at least one digit: English words
 * are not ids), found without the regex: it would try every word start of every line. A match is a whole run of
 * hex characters (no boundary lies inside one) of 12 or more, with no word character on either side; each run that
 * long covers a position 11 mod 12, so only those are looked at, and the run around each.
 */
export function replaceHexIds(text: string): string {
  let out = '';
  let copied = 0;
  const n = text.length;
  let p = 11;
  while (p < n) {
    if (!isHexDigit(text.charCodeAt(p))) { p += 12; continue; }
    let s = p;
    while (s > 0 && isHexDigit(text.charCodeAt(s - 1))) s--;
    let e = p + 1;
    let digit = false;
    while (e < n && isHexDigit(text.charCodeAt(e))) e++;
    if (e - s >= 12 && (s === 0 || !isWordChar(text.charCodeAt(s - 1))) && (e === n || !isWordChar(text.charCodeAt(e)))) {
      for (let k = s; k < e && !digit; k++) digit = text.charCodeAt(k) <= 57;
    }
    if (digit) {
      out += text.slice(copied, s) + '<id>';
      copied = e;
    }
    // The next position 11 mod 12 at or after the run's end.
    p = e + ((11 - (e % 12) + 12) % 12);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

