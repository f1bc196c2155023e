import type { KeyedHash } from './keyed-hash.ts';
import { BoundedMemo } from './bounded-memo.ts';

/** How many values one remembers: the connections open at once, and many more. */
const LIMIT = 4096;

const remembered = new WeakMap<KeyedHash, BoundedMemo<string>>();

/**
 * `hash(input(value))`, remembered by `value` for each keyed hash (in this thread's memory only, bounded): a
 * connection's id comes back on every line of its stream (open, first token, completion, close), and an HMAC
 * costs more than all else done for such a line. `input` must depend on `value` alone.
 */
export function rememberedHash(hash: KeyedHash, value: string, input: (value: string) => string): string {
  let memo = remembered.get(hash);
  if (memo === undefined) {
    memo = new BoundedMemo<string>(LIMIT);
    remembered.set(hash, memo);
  }
  let h = memo.get(value);
  if (h === undefined) {
    h = hash(input(value));
    memo.set(value, h);
  }
  return h;
}
