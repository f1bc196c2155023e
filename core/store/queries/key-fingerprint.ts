import { createHmac } from 'node:crypto';

/**
 * The fingerprints under which the store may hold a rate-limit or user key, as the ingest made them
 * (BatchIngester.viewKey, and the scanner's finding fingerprints for an e-mail it redacted from a key):
 * HMAC-SHA-256 of the identifying part (`alice` of `user:alice`) with the store's secret; an e-mail also
 * lower-cased, as the scanner keys it. A value that already is a fingerprint (64 hex) is matched as itself, so a
 * fingerprint shown elsewhere can be pasted into a filter.
 */
export function keyFingerprints(secret: Buffer, key: string): string[] {
  const colon = key.indexOf(':');
  const id = colon < 0 ? key : key.slice(colon + 1);
  const mac = (v: string): string => createHmac('sha256', secret).update(v).digest('hex');
  const fingerprints = new Set([mac(id)]);
  if (id.includes('@')) fingerprints.add(mac(id.toLowerCase()));
  if (/^[0-9a-f]{64}$/i.test(key)) fingerprints.add(key.toLowerCase());
  return [...fingerprints];
}
