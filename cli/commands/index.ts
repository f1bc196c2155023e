import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { ingestCommand } from './ingest.ts';
import { reportCommand } from './report.ts';
import { lookupCommand } from './lookup.ts';
import { eraseCommand } from './erase.ts';
import { startCommand } from './start.ts';
import { simulateCommand } from './simulate.ts';
import { scanCommand } from './scan.ts';

/** A command factory: builds its commander `Command`; `setExitCode` records a non-zero outcome (1 = a check failed). */
export type CommandFactory = (ctx: CliContext, setExitCode: (code: number) => void) => Command;

export const commands: CommandFactory[] = [startCommand, ingestCommand, reportCommand, scanCommand, lookupCommand, eraseCommand, simulateCommand];
