import { isDigit, isWordChar } from '../char-class.ts';

/**
 * Card numbers (Luhn), international phone numbers and IBANs (mod-97) in decoded text. A cheap native regex
 * (or indexOf) proposes candidates; the checks are hand-written loops bounded per candidate, and the search
 * resumes after each examined run, so the whole scan stays linear whatever the text.
 */

/** Digit groups of the run being examined (reused: no allocation per candidate). */
const MAX_GROUPS = 64;
const groupStart = new Int32Array(MAX_GROUPS);
const groupEnd = new Int32Array(MAX_GROUPS);
/** The separator before each group (0 for the first). */
const groupSep = new Int32Array(MAX_GROUPS);

/** Reads digit groups joined by single spaces or dashes from `start` on; returns how many (at most `max`). */
function readGroups(text: string, start: number, max: number): number {
  let n = 0;
  let p = start;
  let sep = 0;
  while (p < text.length && n < max) {
    const s = p;
    while (p < text.length && isDigit(text.charCodeAt(p))) p++;
    groupStart[n] = s;
    groupEnd[n] = p;
    groupSep[n] = sep;
    n++;
    const c = text.charCodeAt(p);
    if ((c === 32 || c === 45) && isDigit(text.charCodeAt(p + 1))) { sep = c; p++; } else break;
  }
  return n;
}

function digitsOf(g: number): number {
  return (groupEnd[g] as number) - (groupStart[g] as number);
}

function luhn(text: string, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  for (let p = end - 1; p >= start; p--) {
    const c = text.charCodeAt(p);
    if (!isDigit(c)) continue;
    let d = c - 48;
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const CARD_CANDIDATE = /[3-6]\d{3}(?:[ -]?\d){9}/g;
/** The field names an all-digit value may carry without being a card: hashes and identifiers. */
const ID_CONTEXT = /(?:hash|id|key|token|uuid|nonce|ts|time|timestamp|epoch|at|ms)\\*["']?\s*[:=]\s*\\*["']?$/i;

/** Appends the span (start, end) of every card number in `text` to `out`. */
export function findCards(text: string, out: number[]): void {
  const re = CARD_CANDIDATE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let runStart = m.index;
    // The candidate may sit inside a longer grouped run: find where that run begins (bounded look back).
    for (let back = 0; back < 24 && runStart > 0; back++) {
      const c = text.charCodeAt(runStart - 1);
      if (isDigit(c) || ((c === 32 || c === 45) && runStart > 1 && isDigit(text.charCodeAt(runStart - 2)))) runStart--;
      else break;
    }
    const n = readGroups(text, runStart, MAX_GROUPS);
    let runEnd = groupEnd[n - 1] as number;
    const complete = n < MAX_GROUPS;
    if (!complete) {
      while (runEnd < text.length && (isDigit(text.charCodeAt(runEnd)) || text.charCodeAt(runEnd) === 32 || text.charCodeAt(runEnd) === 45)) runEnd++;
    }
    re.lastIndex = Math.max(runEnd, m.index + 1);
    const before = runStart > 0 ? text.charCodeAt(runStart - 1) : 0;
    const after = runEnd < text.length ? text.charCodeAt(runEnd) : 0;
    if (!complete || isWordChar(before) || before === 43 /* + : a phone */ || isWordChar(after)) continue;
    if (ID_CONTEXT.test(text.slice(Math.max(0, runStart - 24), runStart))) continue;
    checkCardWindows(text, n, out);
  }
}

function checkCardWindows(text: string, n: number, out: number[]): void {
  let total = 0;
  let groupsOk = true;
  for (let g = 0; g < n; g++) {
    total += digitsOf(g);
    if (digitsOf(g) < 3 || digitsOf(g) > 8) groupsOk = false;
  }
  if (total >= 13 && total <= 19) {
    const start = groupStart[0] as number;
    const end = groupEnd[n - 1] as number;
    if ((n === 1 || groupsOk) && cardShaped(text, start, end)) out.push(start, end);
    return;
  }
  // A grouped run longer than a card (a card followed by another number): try windows of real card groups.
  for (let i = 0; i + 1 < n; i++) {
    let sum = 0;
    for (let j = i; j < n && j < i + 6; j++) {
      const d = digitsOf(j);
      if (d < 3 || d > 8 || (j > i + 1 && groupSep[j] !== groupSep[i + 1])) break;
      sum += d;
      if (sum > 19) break;
      if (sum >= 13 && j > i && cardShaped(text, groupStart[i] as number, groupEnd[j] as number)) {
        out.push(groupStart[i] as number, groupEnd[j] as number);
        i = j;
        break;
      }
    }
  }
}

function cardShaped(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return c >= 51 && c <= 54 && luhn(text, start, end);
}

/** Appends the span of every `+` number of 8–15 digits (single spaces or dashes between groups) to `out`. */
export function findPhones(text: string, out: number[]): void {
  let plus = text.indexOf('+');
  while (plus >= 0) {
    const next = plus + 1;
    const before = plus > 0 ? text.charCodeAt(plus - 1) : 0;
    if (!isDigit(text.charCodeAt(next)) || isWordChar(before) || before === 43) { plus = text.indexOf('+', next); continue; }
    const n = readGroups(text, next, 16);
    // The longest run of whole groups that fits 15 digits: a number right after a phone does not hide it.
    let total = 0;
    let used = 0;
    while (used < n && total + digitsOf(used) <= 15) total += digitsOf(used++);
    const end = used > 0 ? (groupEnd[used - 1] as number) : next;
    if (total >= 8) {
      const after = end < text.length ? text.charCodeAt(end) : 0;
      const touching = used === n && (isWordChar(after) || (after === 46 && isDigit(text.charCodeAt(end + 1))));
      if (!touching) out.push(plus, end);
    }
    plus = text.indexOf('+', Math.max(groupEnd[n - 1] as number, next));
  }
}

/** IBAN length by country (SWIFT registry); a country not listed is not matched. */
const IBAN_LENGTH: ReadonlyMap<string, number> = new Map(Object.entries({
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
}));

const IBAN_CANDIDATE = /(?<![0-9A-Za-z_])[A-Z]{2}\d{2}(?: ?[0-9A-Z]){11}/g;
const ibanChars = new Int32Array(34);

function isUpperAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90);
}

/** The IBAN check on its `length` characters: country and check digits moved to the end, letters as 10–35. */
function mod97(length: number): number {
  let r = 0;
  for (let k = 0; k < length; k++) {
    const c = ibanChars[(k + 4) % length] as number;
    r = isDigit(c) ? (r * 10 + (c - 48)) % 97 : (r * 100 + (c - 55)) % 97;
  }
  return r;
}

/** Appends the span of every IBAN (printed compact or in groups of four) that passes mod-97 to `out`. */
export function findIbans(text: string, out: number[]): void {
  const re = IBAN_CANDIDATE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    re.lastIndex = start + 1;
    const length = IBAN_LENGTH.get(text.slice(start, start + 2));
    if (length === undefined) continue;
    let count = 0;
    let p = start;
    while (p < text.length && count < length) {
      const c = text.charCodeAt(p);
      if (isUpperAlnum(c)) { ibanChars[count++] = c; p++; continue; }
      if (c === 32 && count % 4 === 0 && isUpperAlnum(text.charCodeAt(p + 1))) { p++; continue; }
      break;
    }
    if (count !== length || (p < text.length && isWordChar(text.charCodeAt(p))) || mod97(length) !== 1) continue;
    out.push(start, p);
    re.lastIndex = p;
  }
}
