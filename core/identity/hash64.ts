/**
 * A fast, unkeyed 64-bit hash of strings, for identities over text the store already holds (redacted). Two
 * independent 32-bit lanes in the style of cyrb53, with MurmurHash3's final mixing: a JS loop over char codes costs far less than a
 * crypto hash's per-call overhead, which matters a million times per benchmark run.
 */
export class Hash64 {
  private h1 = 0x9747b28c | 0;
  private h2 = 0x85ebca6b | 0;

  /**
   * The digest's high and low 32 bits (unsigned) after `finish()`: comparing two numbers costs far less than
   * making and hashing a BigInt, which matters once per entry.
   */
  high = 0;
  low = 0;

  update(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x9e3779b1);
      h2 = Math.imul(h2 ^ c, 0x5f356495);
    }
    // A separator no text contains, so ('ab','c') and ('a','bc') differ.
    this.h1 = Math.imul(h1 ^ 0x10000, 0xcc9e2d51);
    this.h2 = Math.imul(h2 ^ 0x10001, 0x85ebca6b);
    return this;
  }

  /** Final avalanche of both lanes, as a signed 64-bit integer (SQLite's INTEGER). */
  digest(): bigint {
    this.finish();
    return toInt64(this.high, this.low);
  }

  finish(): this {
    let a = this.h1 ^ (this.h2 >>> 7);
    let b = this.h2 ^ (this.h1 >>> 11);
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 16), 0x7feb352d);
    b = Math.imul(b ^ (b >>> 15), 0x846ca68b);
    b ^= b >>> 16;
    this.high = a >>> 0;
    this.low = b >>> 0;
    return this;
  }
}

const halves = new Uint32Array(2);
const asInt64 = new BigInt64Array(halves.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * The signed 64-bit integer of two unsigned 32-bit halves. Read through a typed array: one BigInt made, where
 * shifting and or-ing BigInts made four (once per entry).
 */
export function toInt64(high: number, low: number): bigint {
  halves[HIGH] = high;
  halves[LOW] = low;
  return asInt64[0] as bigint;
}
