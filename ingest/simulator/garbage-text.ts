import { Rng } from './prng.ts';

/**
 * What corrupt transport looks like. Invalid UTF-8 can only travel as bytes: the text form is what a UTF-8
 * decoder makes of them (U+FFFD), which is what any reader of the bytes sees.
 */
export const BAD_UTF8_BYTES: Uint8Array = Uint8Array.from([
  0xc3, 0x28, 0xa0, 0xa1, 0x20, 0xe2, 0x28, 0xa1, 0x20, 0xf0, 0x90, 0x28, 0xbc, 0x20, 0xff, 0xfe, 0xfd, 0x20,
  0x62, 0x69, 0x6e, 0x61, 0x72, 0x79, 0x20, 0x66, 0x72, 0x61, 0x6d, 0x65,
]);

export const BAD_UTF8_TEXT: string = new TextDecoder('utf-8').decode(BAD_UTF8_BYTES);

let bigline: string | null = null;

/** About 200 KB on one line: letters only (no digits that could read as a card or phone number). */
export function bigLine(): string {
  if (bigline === null) {
    const rng = new Rng(200);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const parts: string[] = ['data:application/octet-stream;base', 'sixtyfour,'];
    for (let i = 0; i < 200; i++) parts.push(rng.chars(letters, 1024));
    bigline = parts.join('');
  }
  return bigline;
}

/** A winston line cut mid-write. Neither an event nor personal data. */
export const TRUNCATED_WINSTON = '{"level":"info","message":"[RAG] Cache warm-up finished","entries":1532,"durat';
