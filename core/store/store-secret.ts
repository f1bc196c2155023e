import { randomBytes } from 'node:crypto';
import { chmodSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';

/**
 * The store's secret: the key of every fingerprint and keyed identity. From `FLIGHT_RECORDER_SECRET` (a Fly
 * secret in production), else from `<db>.secret`, created once with mode 0600. Never written into the database
 * or a log.
 */
export function loadStoreSecret(dbPath: string, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env['FLIGHT_RECORDER_SECRET'];
  if (fromEnv !== undefined && fromEnv !== '') return Buffer.from(fromEnv, 'utf8');
  if (dbPath === ':memory:') return randomBytes(32);
  const file = `${dbPath}.secret`;
  try {
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(32).toString('hex'));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A secret another tool left world-readable is tightened, not trusted as is.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`the store secret file ${file} is too short: delete it only if the database is empty, or set FLIGHT_RECORDER_SECRET`);
  return Buffer.from(text, 'utf8');
}
