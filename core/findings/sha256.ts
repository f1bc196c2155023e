/**
 * SHA-256 and HMAC-SHA-256 in plain JS (FIPS 180-4, RFC 2104). Why not node:crypto: its per-call object set-up
 * costs more than hashing a short value, and the scanner hashes on every stream line (fingerprints, the
 * backend's query hashes). The HMAC key's inner and outer pad blocks are compressed once, so a value of up to
 * 55 bytes costs two compressions. No allocation per call. Checked against node:crypto in sha256.test.ts.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** The message schedule; its first 16 words are the block being compressed. */
const W = new Int32Array(64);

/** Compresses the block in W[0..16) into `state`. */
function rounds(state: Int32Array): void {
  const w = W;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number;
    const y = w[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number, b = state[1] as number, c = state[2] as number, d = state[3] as number;
  let e = state[4] as number, f = state[5] as number, g = state[6] as number, h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0;
    d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0; state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0; state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0; state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0; state[7] = ((state[7] as number) + h) | 0;
}

/**
 * Hashes `bytes[0, length)` on top of `state`, which has already absorbed `prefixLength` bytes (a whole number
 * of blocks); leaves the digest in `state`.
 */
function finish(state: Int32Array, bytes: Uint8Array, length: number, prefixLength: number): void {
  const w = W;
  let offset = 0;
  while (length - offset >= 64) {
    for (let i = 0; i < 16; i++) {
      const p = offset + i * 4;
      w[i] = ((bytes[p] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number);
    }
    rounds(state);
    offset += 64;
  }
  const rest = length - offset;
  const bits = (prefixLength + length) * 8;
  for (let i = 0; i < 16; i++) w[i] = 0;
  for (let i = 0; i < rest; i++) w[i >> 2] = (w[i >> 2] as number) | ((bytes[offset + i] as number) << (24 - 8 * (i & 3)));
  w[rest >> 2] = (w[rest >> 2] as number) | (0x80 << (24 - 8 * (rest & 3)));
  if (rest >= 56) {
    rounds(state);
    for (let i = 0; i < 16; i++) w[i] = 0;
  }
  w[14] = Math.floor(bits / 0x100000000) | 0;
  w[15] = bits | 0;
  rounds(state);
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** UTF-8 bytes of `value` into `scratch`; a plain loop for ASCII (the common case), TextEncoder otherwise. */
function utf8(value: string): number {
  if (scratch.length < value.length * 3) scratch = new Uint8Array(value.length * 3);
  const out = scratch;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) return encoder.encodeInto(value, out).written;
    out[i] = c;
  }
  return value.length;
}

const HEX_DIGITS = '0123456789abcdef';
const hexCodes: number[] = new Array<number>(64).fill(0);

function hex(state: Int32Array, words: number): string {
  for (let i = 0; i < words; i++) {
    const v = state[i] as number;
    for (let k = 0; k < 8; k++) hexCodes[i * 8 + k] = HEX_DIGITS.charCodeAt((v >>> (28 - 4 * k)) & 15);
  }
  return String.fromCharCode.apply(null, words === 8 ? hexCodes : hexCodes.slice(0, words * 8));
}

const STATE = new Int32Array(8);

/** SHA-256 of the UTF-8 bytes of `value`, hex; `hexChars` (a multiple of 8) cuts it short. */
export function sha256Hex(value: string, hexChars = 64): string {
  STATE.set(IV);
  const length = utf8(value); // may grow `scratch`: read it after
  finish(STATE, scratch, length, 0);
  return hex(STATE, hexChars / 8);
}

/** HMAC-SHA-256 with a fixed key: (value) => hex. */
export function hmacSha256(key: Uint8Array): (value: string) => string {
  let k = key;
  if (k.length > 64) {
    const digest = new Int32Array(IV);
    finish(digest, new Uint8Array(k), k.length, 0);
    k = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const v = digest[i] as number;
      k[i * 4] = v >>> 24; k[i * 4 + 1] = (v >>> 16) & 255; k[i * 4 + 2] = (v >>> 8) & 255; k[i * 4 + 3] = v & 255;
    }
  }
  const inner = new Int32Array(IV);
  const outer = new Int32Array(IV);
  for (let i = 0; i < 16; i++) W[i] = padWord(k, i, 0x36);
  rounds(inner);
  for (let i = 0; i < 16; i++) W[i] = padWord(k, i, 0x5c);
  rounds(outer);
  const state = new Int32Array(8);
  const digest = new Int32Array(8);
  return function hmac(value: string): string {
    state.set(inner);
    const length = utf8(value);
    finish(state, scratch, length, 64);
    digest.set(state);
    // The outer hash's only block: the inner digest, padding, and the length of 64 + 32 bytes.
    state.set(outer);
    for (let i = 0; i < 8; i++) W[i] = digest[i] as number;
    W[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) W[i] = 0;
    W[15] = (64 + 32) * 8;
    rounds(state);
    return hex(state, 8);
  };
}

/** Word `i` of the key (zero-padded to 64 bytes) XOR the pad byte. */
function padWord(key: Uint8Array, i: number, pad: number): number {
  let v = 0;
  for (let b = 0; b < 4; b++) v = (v << 8) | (((key[i * 4 + b] ?? 0) ^ pad) & 255);
  return v | 0;
}
