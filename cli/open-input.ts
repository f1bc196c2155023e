import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { CliContext } from './cli-context.ts';
import { UsageError } from './cli-context.ts';

/** `FILE` or `-` (stdin); a file that cannot be read is bad input (exit 2), said before any work starts. */
export function openInput(file: string | undefined, ctx: CliContext): { stream: Readable; name: string } {
  if (file === undefined || file === '-') return { stream: ctx.stdin, name: 'stdin' };
  const path = resolve(ctx.cwd, file);
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory (give a log file, or - for stdin)`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable'} (check the path)`);
  }
  return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), name: file };
}

export const FORMATS = ['auto', 'plain', 'json', 'nats', 'app'] as const;
