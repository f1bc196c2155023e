/**
 * Whether a text holds a JSON name that can make a query or a conversation (see query-values.ts), escaped quotes
 * included: what /(?:query|prompt|question|content|history|messages|conversation)\\?"\s*:/i finds, read from
 * each `:` back instead of trying the names at every character (a JSON line has few colons, many characters).
 */
export function hasQueryName(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let q = colon - 1;
    while (q >= 0 && isRegExpSpace(text.charCodeAt(q))) q--;
    if (q <= 0 || text.charCodeAt(q) !== 34) continue;
    const end = text.charCodeAt(q - 1) === 92 ? q - 1 : q;
    if (end === 0) continue;
    // By the last letter first: most names end in none of the four.
    switch (text.charCodeAt(end - 1) | 0x20) {
      case 121: if (endsWithName(text, end, 'query') || endsWithName(text, end, 'history')) return true; break;
      case 116: if (endsWithName(text, end, 'prompt') || endsWithName(text, end, 'content')) return true; break;
      case 110: if (endsWithName(text, end, 'question') || endsWithName(text, end, 'conversation')) return true; break;
      case 115: if (endsWithName(text, end, 'messages')) return true; break;
    }
  }
  return false;
}

/** `name` ends right before `end`, in any case (ASCII letters only: a regex without the u flag folds no others onto them). */
function endsWithName(text: string, end: number, name: string): boolean {
  const start = end - name.length;
  if (start < 0) return false;
  for (let k = name.length - 1; k >= 0; k--) {
    const c = text.charCodeAt(start + k);
    if ((c | 0x20) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** What `\s` matches in a JavaScript regular expression. */
function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
