import { Command } from 'commander';
import type { CommandFactory } from './index.ts';
import { asCliError, dbPathFrom, openStoreForCli } from '../open-store.ts';
import { subjectFrom } from '../subject-options.ts';
import type { SubjectOptions } from '../subject-options.ts';
import { eraseSubject } from '../../core/store/erase-subject.ts';

export const eraseCommand: CommandFactory = (ctx) =>
  new Command('erase')
    .description('delete every stored trace of this person (secure_delete, WAL truncated), and say how many')
    .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db)')
    .option('--email <email>', 'an e-mail address')
    .option('--key <key>', 'a user or rate-limit key (user:<id>, key:<prefix>)')
    .option('--json', 'print JSON')
    .action((opts: SubjectOptions & { db?: string; json?: boolean }) => {
      const path = dbPathFrom(opts.db, ctx);
      const store = openStoreForCli(path, ctx, { mustExist: true });
      try {
        const subject = subjectFrom(opts, store.secret, ctx);
        let erased;
        try {
          erased = eraseSubject(store, subject);
        } catch (err) {
          throw asCliError(err, path);
        }
        if (opts.json) ctx.stdout(`${JSON.stringify(erased)}\n`);
        else {
          ctx.stdout(
            `erased ${subject.label}: ${erased.entries} entries, ${erased.findings} findings, ${erased.events} events, ${erased.streams} streams. ` +
              'Volume snapshots may still hold older copies for days.\n',
          );
        }
      } finally {
        store.close();
      }
    });
