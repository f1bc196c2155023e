import { createHmac } from 'node:crypto';

/**
 * A data subject as a request names them: an e-mail, or a key (`user:<id>`, `key:<prefix>`, a bare user id).
 * The store holds them only as keyed fingerprints of the identifying part, made the same way the ingest made
 * them (core/store/batch-ingester.ts viewKey, and the scanner's finding fingerprints).
 */
export interface Subject {
  /** What to print back: the request as given is the requester's own input, not stored data. */
  label: string;
  fingerprint: string;
  /** Literal forms to look for in stored text that no finding redacted (a user id is not a finding). */
  literals: string[];
}

export function subjectFromEmail(email: string, secret: Buffer): Subject {
  const e = email.trim();
  return { label: e, fingerprint: hmac(secret, e), literals: [] };
}

export function subjectFromKey(key: string, secret: Buffer): Subject {
  const k = key.trim();
  const colon = k.indexOf(':');
  const id = colon < 0 ? k : k.slice(colon + 1);
  return { label: k, fingerprint: hmac(secret, id), literals: id.length >= 3 ? [id] : [] };
}

function hmac(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
