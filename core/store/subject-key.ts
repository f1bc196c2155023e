import { createHmac } from 'node:crypto';
import { canonicalValue } from '../findings/scanner.ts';

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
  // The scanner fingerprints e-mails in their canonical (lower-case) form: so must the request.
  return { label: e, fingerprint: hmac(secret, canonicalValue('email', e)), literals: [] };
}

export function subjectFromKey(key: string, secret: Buffer): Subject {
  const k = key.trim();
  const colon = k.indexOf(':');
  const id = colon < 0 ? k : k.slice(colon + 1);
  // A key that is an e-mail (`user:<email>`) was redacted at ingest and keyed by its finding's fingerprint.
  const keyed = id.includes('@') ? canonicalValue('email', id) : id;
  return { label: k, fingerprint: hmac(secret, keyed), literals: id.length >= 3 && !id.includes('@') ? [id] : [] };
}

function hmac(secret: Buffer, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
