import { pino } from 'pino';
import type { Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import { errorForLog, replyForLog, requestForLog, REDACTED_PATHS } from './safe-serializers.ts';

export interface LoggerSetup {
  /** JSON lines when true; a readable colourless-safe layout for a terminal otherwise. */
  json: boolean;
  level?: string;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: NodeJS.WritableStream;
}

/** JSON in production or when stdout is not a terminal (a log shipper reads it); pretty on a terminal. */
export function wantsJsonLogs(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): boolean {
  return env['NODE_ENV'] === 'production' || !stdoutIsTty;
}

export function createLogger(setup: LoggerSetup): Logger {
  const options = {
    level: setup.level ?? 'info',
    serializers: { req: requestForLog, res: replyForLog, err: errorForLog },
    redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' },
    base: { service: 'flight-recorder' },
  };
  if (setup.json) return pino(options, setup.destination ?? process.stdout);
  // pino-pretty as a stream in this thread: no transport worker to outlive a shutdown.
  return pino(options, PinoPretty({ destination: setup.destination ?? process.stdout, ignore: 'pid,hostname,service', sync: true }));
}
