import type { Readable } from 'node:stream';

/** What a command may touch of the outside world: injectable, so tests run commands in-process. */
export interface CliContext {
  /** Answers false when the text was taken but the output asks the writer to wait before writing more. */
  stdout: (text: string) => unknown;
  /** True once whoever reads stdout has gone (a closed pipe): a command that writes without end stops. */
  stdoutClosed?: () => boolean;
  stderr: (text: string) => void;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock, for relative times (`--from -1h`). */
  now: () => number;
}

/** Bad usage or bad input: exit 2 with one clear line. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** The environment failed (database locked or full, disk not writable): exit 3. */
export class EnvironmentError extends Error {
  readonly exitCode = 3;
}
