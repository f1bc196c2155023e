import { createHmac } from 'node:crypto';

/**
 * The fingerprints under which the store may hold a rate-limit or user key, as the ingest made them
 * (BatchIngester.viewKey): HMAC-SHA-256 of the identifying part (`alice` of `user:alice`) with the store's secret.
 * A value that already is a fingerprint (64 hex) is matched as itself too, so a fingerprint shown elsewhere can
 * be pasted into a filter.
 */
export function keyFingerprints(secret: Buffer, key: string): string[] {
  const colon = key.indexOf(':');
  const id = colon < 0 ? key : key.slice(colon + 1);
  const fingerprints = [createHmac('sha256', secret).update(id).digest('hex')];
  if (/^[0-9a-f]{64}$/i.test(key)) fingerprints.push(key.toLowerCase());
  return fingerprints;
}
