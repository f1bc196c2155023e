import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { stdoutDrained } from '../stdout-writer.ts';
import type { CommandFactory } from './index.ts';
import type { CliContext } from '../cli-context.ts';
import { EnvironmentError, UsageError } from '../cli-context.ts';
import { parseTimeSpec } from '../../core/time-spec.ts';
import type { TransportFormat } from '../../core/entry.ts';
import { Simulation, simulateTruth, type SimulationOptions } from '../../ingest/simulator/simulate.ts';
import { intensityFor, simulateLive } from '../../ingest/simulator/live.ts';

interface SimulateOptions {
  seed: string;
  start?: string;
  lines?: string;
  duration?: string;
  follow?: boolean;
  rate?: string;
  format: TransportFormat;
  truth?: string;
  leaks: boolean;
  quirks: boolean;
  replay?: boolean;
}

const FORMATS: TransportFormat[] = ['plain', 'json', 'nats', 'app'];
const DEFAULT_RATE = 10;

function integer(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min}`);
  return n;
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number`);
  return n;
}

/** Waits when the output asks to (a slow reader: the simulation runs ahead of it otherwise). */
async function write(ctx: CliContext, text: string): Promise<void> {
  if (ctx.stdout(text) === false) await stdoutDrained();
}

function writeTruth(path: string, report: ReturnType<typeof simulateTruth>): void {
  try {
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'error';
    throw new EnvironmentError(`cannot write the truth to ${path}: ${code} (check --truth)`);
  }
}

export const simulateCommand: CommandFactory = (ctx) =>
  new Command('simulate')
    .description('write realistic staging traffic of the watched backend in a `fly logs` format; the same seed and start give the same bytes')
    .option('--seed <n>', 'seed of the simulation', '1')
    .option('--start <time>', 'first instant: ISO-8601 or relative (-1h); default: an hour ago, or now with --follow')
    .option('--lines <n>', 'entries to write (default 10000 unless --duration; replayed history not counted)')
    .option('--duration <s>', 'simulated seconds to cover')
    .option('--follow', 'write in real time: timestamps follow the clock')
    .option('--rate <n>', `with --follow: records per second, on average (default ${DEFAULT_RATE})`)
    .addOption(new Option('--format <format>', 'transport format').choices(FORMATS).default('plain'))
    .option('--truth <file>', 'also write the `report --format json` that ingesting this output must produce (whole window)')
    .option('--no-leaks', 'a backend that leaks nothing: no plaintext queries, e-mails or client addresses')
    .option('--no-quirks', 'no garbage lines, multi-line entries, leading spaces or unstable key order')
    .option('--replay', '`fly logs` restarts that print recent history again (plain and json)')
    .action(async (opts: SimulateOptions) => {
      const seed = integer('--seed', opts.seed, -(2 ** 31));
      if (opts.lines !== undefined && opts.duration !== undefined) throw new UsageError('use --lines or --duration, not both');
      if (opts.rate !== undefined && opts.follow !== true) throw new UsageError('--rate paces --follow: add --follow, or drop --rate');
      const lines = opts.lines !== undefined ? integer('--lines', opts.lines, 1) : undefined;
      const durationS = opts.duration !== undefined ? positive('--duration', opts.duration) : undefined;
      const now = ctx.now();
      let start: number;
      if (opts.start !== undefined) {
        const parsed = parseTimeSpec(opts.start, now);
        if (parsed === null) throw new UsageError('--start is not a time: use ISO-8601 (2026-11-20T09:00:00Z) or a relative time (-1h, -15m)');
        start = parsed;
      } else {
        start = opts.follow === true ? now : Math.floor((now - 3_600_000) / 60_000) * 60_000;
      }
      const base: SimulationOptions = { seed, start, format: opts.format, leaks: opts.leaks, quirks: opts.quirks, replay: opts.replay === true };
      if (lines !== undefined) base.lines = lines;
      if (durationS !== undefined) base.durationS = durationS;

      if (opts.follow === true) {
        const rate = opts.rate !== undefined ? positive('--rate', opts.rate) : DEFAULT_RATE;
        const bounded = lines !== undefined || durationS !== undefined;
        if (opts.truth !== undefined && !bounded) throw new UsageError('--truth with --follow needs an end: add --lines or --duration');
        // Without a bound the story runs until interrupted.
        const live: SimulationOptions = bounded ? base : { ...base, lines: Number.POSITIVE_INFINITY };
        for await (const chunk of simulateLive({ ...live, rate })) {
          // Nobody reads any more (`simulate --follow | head`): the story would run on forever into nothing.
          if (ctx.stdoutClosed?.() === true) return;
          await write(ctx, chunk);
        }
        if (opts.truth !== undefined) writeTruth(opts.truth, simulateTruth({ ...base, intensity: intensityFor(rate) }));
        return;
      }

      const simulation = new Simulation(base);
      for (const chunk of simulation.chunks()) await write(ctx, chunk);
      if (opts.truth !== undefined) writeTruth(opts.truth, simulation.truth());
    });
