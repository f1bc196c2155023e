/**
 * Decodes a UTF-8 byte stream chunk by chunk. A character split across chunks is completed with the next chunk;
 * invalid bytes become U+FFFD. Buffer's own decoding is used rather than TextDecoder's streaming mode: it is
 * several times faster on mostly-ASCII text, and decoding is a large share of reading a log.
 */
export class Utf8StreamDecoder {
  /** The bytes of a character that the last chunk ended in the middle of (at most 3). */
  private carry: Buffer | null = null;
  private started = false;

  write(chunk: Buffer): string {
    let bytes = chunk;
    if (this.carry !== null) {
      bytes = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    const end = completeLength(bytes);
    if (end < bytes.length) this.carry = Buffer.from(bytes.subarray(end));
    return this.text(bytes.toString('utf8', 0, end));
  }

  /** Text comes next instead of bytes: an unfinished character becomes U+FFFD now, to keep the order. */
  flush(): string {
    const carry = this.carry;
    this.carry = null;
    return carry === null ? '' : this.text(carry.toString('utf8'));
  }

  /** End of input: an unfinished character becomes U+FFFD. */
  end(): string {
    const text = this.flush();
    this.started = false;
    return text;
  }

  private text(decoded: string): string {
    if (this.started || decoded.length === 0) return decoded;
    this.started = true;
    // A byte order mark at the start of a file is not text.
    return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  }
}

/** The length of the longest prefix of `bytes` that does not end inside a multi-byte character. */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const b = bytes[length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return length;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > back ? length - back : length;
  }
  return length;
}
