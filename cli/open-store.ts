import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './cli-context.ts';
import { EnvironmentError, UsageError } from './cli-context.ts';
import { Store, StoreKindError } from '../core/store/store.ts';
import type { StoreOpenOptions } from '../core/store/store.ts';

export const DEFAULT_DB = './data/flight-recorder.db';

/** `--db`, else FLIGHT_RECORDER_DB, else ./data/flight-recorder.db, relative to the working directory. */
export function dbPathFrom(flag: string | undefined, ctx: CliContext): string {
  return resolve(ctx.cwd, flag ?? ctx.env['FLIGHT_RECORDER_DB'] ?? DEFAULT_DB);
}

/** Opens the store, turning what can go wrong into the exit codes of spec/interfaces.md. */
export function openStoreForCli(path: string, ctx: CliContext, options: StoreOpenOptions & { mustExist?: boolean } = {}): Store {
  if (options.mustExist && !existsSync(path)) {
    throw new UsageError(`no database at ${path}: ingest a log first, or point --db at one`);
  }
  try {
    return Store.open(path, { ...options, env: ctx.env });
  } catch (err) {
    throw asCliError(err, path);
  }
}

/** SQLite's and the file system's failures, said so that the user knows what to do. */
export function asCliError(err: unknown, path: string): Error {
  if (err instanceof UsageError || err instanceof EnvironmentError) return err;
  if (err instanceof StoreKindError) return new UsageError(err.message);
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new EnvironmentError(`the database ${path} is locked by another process: stop it or wait, then retry`);
    case 'SQLITE_FULL':
      return new EnvironmentError(`the database ${path} is full (disk or size limit): free space, then retry`);
    case 'SQLITE_READONLY':
    case 'EACCES':
    case 'EROFS':
      return new EnvironmentError(`cannot write ${path}: it is read-only; choose a writable --db`);
    case 'SQLITE_CANTOPEN':
    case 'ENOENT':
      return new EnvironmentError(`cannot open the database ${path}: check that its folder exists and is writable`);
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new EnvironmentError(`${path} is not a flight-recorder database (or it is damaged)`);
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}
