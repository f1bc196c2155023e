/**
 * Masked forms: what may be shown and stored of a personal value. At most the first two characters, then `…`
 * and the length; e-mails keep only their domain (spec/gdpr.md § A finding holds).
 */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  return `${chars.slice(0, 2).join('')}…${chars.length}`;
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
