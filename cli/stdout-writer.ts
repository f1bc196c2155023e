/**
 * The process's standard output, as the commands write it. When whoever reads it has gone (`flight-recorder
 * scan log | head`), the rest is dropped and `stdoutClosed()` says so: a command still ends with its own exit
 * code, instead of dying on EPIPE with a stack trace, and one that writes without end (`simulate --follow`) stops.
 */
let closed = false;
let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
}

/** process.stdout.write's answer: false asks the writer to wait (stdoutDrained) before it writes more. */
export function writeStdout(text: string): boolean {
  watch();
  if (closed) return true;
  return process.stdout.write(text);
}

export function stdoutClosed(): boolean {
  return closed;
}

/** Until standard output takes more, or its reader has gone (no 'drain' comes then). */
export async function stdoutDrained(): Promise<void> {
  if (closed || !process.stdout.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
  });
}
