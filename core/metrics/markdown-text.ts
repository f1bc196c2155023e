/**
 * Log text as Markdown data: shown as written, never as formatting, links, HTML, mentions, math or table cells,
 * on GitHub and in a plain-text viewer alike. The characters Markdown (and GitHub's extensions) act on inside a
 * line are escaped with a backslash; line breaks become a visible mark, so one log line stays one line of the
 * report. Log text is always placed after a fixed prefix, so line-start syntax (`-`, `+`, `1.`, `=`) cannot arise.
 */
const SPECIAL = /[\\`*_[\]<>#|~&@$]/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;
// Control characters, and the bidirectional overrides that can make a line read differently from what it is.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(LINE_BREAK, ' ⏎ ').replace(/\t/g, ' ').replace(INVISIBLE, '').replace(SPECIAL, (c) => `\\${c}`);
}
