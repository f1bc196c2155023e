/**
 * Invalid UTF-8 (decoded as U+FFFD) and C0 control bytes other than tab and ESC mark a line as garbage: it is kept
 * as an unparsed record of its own. CR counts too: readers remove the CR of a CRLF line ending before asking.
 * A single character class, so the test runs natively over the text without backtracking.
 */
const GARBAGE = /[\x00-\x08\x0b-\x1a\x1c-\x1f\ufffd]/;

export function holdsGarbage(text: string): boolean {
  return GARBAGE.test(text);
}

const EMPTY_WORDS = new Uint32Array(0);

function isControl(byte: number): boolean {
  return byte < 32 && byte !== 9 && byte !== 10 && byte !== 27;
}

/**
 * Whether raw bytes hold a control byte other than tab, LF and ESC (CR included), checked four bytes at a time:
 * about twice as fast as the regex over the decoded text, and every byte of the input goes through here.
 * UTF-8 never uses bytes below 0x20 inside multi-byte characters, so the bytes tell the same as the text.
 */
export function holdsControlBytes(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let i = 0;
  const unaligned = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < unaligned; i++) if (isControl(bytes[i] ?? 0)) return true;
  const count = (length - i) >> 2;
  // A view that is not aligned on 4 bytes (too short to reach alignment) cannot be read as words.
  const words = count > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, count) : EMPTY_WORDS;
  for (let w = 0; w < count; w++) {
    const x = words[w] ?? 0;
    // Non-zero when some byte is below 0x20 (the classic "has a byte less than n" test); then look closer.
    if ((((x - 0x20202020) & ~x) & 0x80808080) !== 0) {
      let rest = x;
      for (let k = 0; k < 4; k++) {
        if (isControl(rest & 255)) return true;
        rest >>>= 8;
      }
    }
  }
  for (i += count * 4; i < length; i++) if (isControl(bytes[i] ?? 0)) return true;
  return false;
}
