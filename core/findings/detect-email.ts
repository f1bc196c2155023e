/**
 * E-mail addresses in decoded text, found by a hand-written scan around each `@` (no regex: `a@a.a@a.a…` must
 * stay linear). Each `@` looks at most MAX_LOCAL characters back and MAX_DOMAIN forward.
 */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    || c === 46 || c === 95 || c === 45 || c === 43 || (c >= 0xc0 && c < 0x2000);
}

function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45
    || (c >= 0xc0 && c < 0x2000);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
}

/**
 * text[from, to) is a domain: two or more labels of 1–63 characters, none starting or ending with `-`, the last
 * one letters (or punycode `xn--…`); not an image density suffix (`logo@2x.png`). No allocation: it runs for
 * every `@`.
 */
function validDomain(text: string, from: number, to: number): boolean {
  let labels = 0;
  let labelStart = from;
  for (let p = from; p <= to; p++) {
    if (p < to && text.charCodeAt(p) !== 46) continue;
    const length = p - labelStart;
    if (length === 0 || length > 63 || text.charCodeAt(labelStart) === 45 || text.charCodeAt(p - 1) === 45) return false;
    labels++;
    if (p === to) {
      if (labels < 2) return false;
      let letters = length >= 2;
      for (let k = labelStart; k < p && letters; k++) letters = isLetter(text.charCodeAt(k));
      if (!letters && !(length > 4 && text.startsWith('xn--', labelStart))) return false;
    }
    labelStart = p + 1;
  }
  // `2x.png`, `1.5x.jpg`: the first label(s) a number with an `x`
  let q = from;
  while (q < to && ((text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) || text.charCodeAt(q) === 46)) q++;
  return !(q > from && q < to && text.charCodeAt(q) === 120 && text.charCodeAt(q + 1) === 46);
}

/** Appends the span (start, end) of every address in text[from, to) to `out`. */
export function findEmails(text: string, from: number, to: number, out: number[]): void {
  let at = text.indexOf('@', from);
  let floor = from; // nothing before this belongs to a new address: the previous one ended there
  while (at >= 0 && at < to) {
    let s = at;
    const leftLimit = Math.max(floor, at - MAX_LOCAL);
    while (s > leftLimit && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && text.charCodeAt(s) === 46) s++;
    let e = at + 1;
    const rightLimit = Math.min(to, at + 1 + MAX_DOMAIN);
    while (e < rightLimit && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    if (s < at && text.charCodeAt(at - 1) !== 46 && validDomain(text, at + 1, e)) {
      out.push(s, e);
      floor = e;
      at = text.indexOf('@', e);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
}
