import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import type { CliContext } from './cli-context.ts';
import { UsageError, EnvironmentError } from './cli-context.ts';
import { commands } from './commands/index.ts';
import { stdoutClosed, writeStdout } from './stdout-writer.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function defaultContext(): CliContext {
  return {
    stdout: writeStdout,
    stdoutClosed,
    stderr: (t) => process.stderr.write(t),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}

/** Runs the command line and resolves to the exit code (spec/interfaces.md: 0 ok, 1 check failed, 2 usage, 3 environment). */
export async function main(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  let exitCode = 0;
  const program = new Command('flight-recorder')
    .description('The black box for an app on Fly.io: logs in, audit events, GDPR findings and live figures out.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: () => {} })
    .showHelpAfterError(false);
  for (const make of commands) {
    // Subcommands do not inherit the output settings: without them their usage errors would bypass ctx.
    const command = make(ctx, (code) => { exitCode = code; })
      .exitOverride()
      .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr, outputError: () => {} });
    program.addCommand(command);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0; // --help, --version
      ctx.stderr(`flight-recorder: ${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see --help)\n`);
      return 2;
    }
    if (err instanceof UsageError || err instanceof EnvironmentError) {
      ctx.stderr(`flight-recorder: ${err.message}\n`);
      return err.exitCode;
    }
    // Never print a stack or the error's text raw: it may quote input. The class name is safe.
    ctx.stderr(`flight-recorder: internal error (${err instanceof Error ? err.name : typeof err}); please report it\n`);
    return 3;
  }
}
