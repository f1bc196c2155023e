import { hmacSha256, sha256Hex } from './sha256.ts';

/**
 * Fingerprints: HMAC-SHA-256 keyed with the store's secret, so repeats of one leaked value group together
 * while the value itself cannot be read back or confirmed by guessing without the secret.
 */
export type KeyedHash = (value: string) => string;

export function createKeyedHash(secret: Buffer): KeyedHash {
  if (secret.length === 0) throw new Error('the fingerprint secret is empty');
  return hmacSha256(new Uint8Array(secret)); // a copy: the caller's buffer may be reused
}

/**
 * The key bytes for a secret given as text (`FLIGHT_RECORDER_SECRET`): its UTF-8 bytes, used as the HMAC key
 * as they are, so a fingerprint can be checked with any HMAC tool (`openssl dgst -sha256 -hmac "$SECRET"`).
 */
export function secretFromText(secret: string): Buffer {
  return Buffer.from(secret, 'utf8');
}

/** The backend's `queryHash`: the first 16 hex characters of the unsalted SHA-256 of the query. */
export function backendQueryHash(query: string): string {
  return sha256Hex(query, 16);
}
