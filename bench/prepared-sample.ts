// The benches that time a part of the ingest alone start from the same thing: the first lines of the simulated
// log, parsed, scanned and identified as the prepare worker does, untimed. With their shared arguments.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createScanner } from '../core/findings/scanner.ts';
import type { KeyedHash } from '../core/findings/keyed-hash.ts';
import { EntryIdentity } from '../core/identity/entry-identity.ts';
import { prepareEntry } from '../core/prepare-entry.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { readEntries } from '../ingest/read-entries.ts';

export const BENCH_SECRET = 'benchmark-secret-benchmark-secret';

/** `[--lines N (default 200000)] [FILE (default .bench/sim-1000000.log)]`. */
export function sampleArgs(args: readonly string[]): { lines: number; file: string } {
  const linesArg = args.indexOf('--lines');
  const lines = linesArg >= 0 ? Number(args[linesArg + 1]) : 200_000;
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--lines') ?? join('.bench', 'sim-1000000.log');
  return { lines, file };
}

/** The entries of the file's first `lines` lines, prepared; `connectionKey` as the prepare worker is given it. */
export async function preparedSample(file: string, lines: number, connectionKey?: KeyedHash): Promise<PreparedEntry[]> {
  const prepared: PreparedEntry[] = [];
  const scanner = createScanner({ secret: Buffer.from(BENCH_SECRET) });
  const identity = new EntryIdentity();
  let read = 0;
  for await (const entries of readEntries(createReadStream(file, { highWaterMark: 1 << 20 }), 'plain')) {
    for (const e of entries) {
      if (read >= lines) break;
      read += e.lines;
      prepared.push(prepareEntry(e, scanner, identity, connectionKey));
    }
    if (read >= lines) break;
  }
  return prepared;
}
