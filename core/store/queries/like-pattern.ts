/** `text` for a LIKE pattern with `ESCAPE '\'`: its `%` and `_` are literal characters, not wildcards. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching any text that contains `text` literally. */
export function likeContaining(text: string): string {
  return `%${likeEscaped(text)}%`;
}
