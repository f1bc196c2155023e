/**
 * Masked forms: what may be shown and stored of a personal value. At most the first two characters, then `…`
 * and the length; e-mails keep only their domain (spec/gdpr.md § A finding holds).
 */
export function maskValue(value: string): string {
  return maskValueOfLength(value, codePointLength(value));
}

/** maskValue, for a caller that has counted the value's characters already. */
export function maskValueOfLength(value: string, length: number): string {
  return `${firstCodePoints(value, 2)}…${length}`;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Length in characters (code points), as Array.from counts them, without building the array. */
export function codePointLength(value: string): number {
  // A native search first: most values have no character outside the BMP, and a JS loop over each costs more.
  if (!HIGH_SURROGATE.test(value)) return value.length;
  let n = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

function firstCodePoints(value: string, count: number): string {
  let end = 0;
  for (let k = 0; k < count && end < value.length; k++) end += (value.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return value.slice(0, end);
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskValue(email);
  return `…@${email.slice(at + 1)}`;
}

/**
 * A rate-limit or user key (`user:<id>`, `key:<12 chars of an API key>`, `anonymous`, an IP). The prefix says
 * which limiter keyed it and is kept; the identifying part is masked.
 */
export function maskKey(key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return key === 'anonymous' ? key : maskValue(key);
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (id.includes('@')) return `${kind}:${maskEmail(id)}`;
  return `${kind}:${maskValue(id)}`;
}
