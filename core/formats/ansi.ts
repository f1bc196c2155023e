/**
 * flyctl colours its output even when piped (log-formats.md §1a); escapes must never reach the store.
 * Handled: CSI sequences (`ESC[2m`, `ESC[38;5;2m`), OSC sequences ended by BEL or ST, two-byte escapes (`ESC c`, `ESC 7`), and a
 * lone ESC (a sequence cut short). The character classes are disjoint, so matching is linear: no backtracking.
 */
const ANSI_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[0-~])?/g;

export const ESC = 27;

export function stripAnsi(text: string): string {
  return text.indexOf('\x1b') === -1 ? text : text.replace(ANSI_ESCAPE, '');
}

/** The index just after the escape sequence that starts at `at` (which holds ESC); same rules as stripAnsi. */
export function escapeEnd(text: string, at: number): number {
  const length = text.length;
  let i = at + 1;
  const kind = text.charCodeAt(i);
  if (kind === 91) {
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x3f) break;
      i++;
    }
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x2f) break;
      i++;
    }
    const final = text.charCodeAt(i);
    return final >= 0x40 && final <= 0x7e ? i + 1 : i;
  }
  if (kind === 93) {
    i++;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 7) return i + 1;
      if (c === ESC) return text.charCodeAt(i + 1) === 92 ? i + 2 : i;
      if (c === 10) return i;
      i++;
    }
    return i;
  }
  return kind >= 0x30 && kind <= 0x7e ? i + 1 : i;
}

/** Skips any escape sequences starting at `at`: the parsers read coloured text in place instead of copying it. */
export function skipEscapes(text: string, at: number): number {
  while (text.charCodeAt(at) === ESC) at = escapeEnd(text, at);
  return at;
}
