/**
 * ASCII character classes by UTF-16 code, for the hand-written scanners that walk text with charCodeAt (a
 * comparison costs less than a regex test of one character).
 */

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** What a regex's `\w` and `\b` count as a word character (without the u flag, with or without i). */
export function isWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 95;
}
