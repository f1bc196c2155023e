import { Command } from 'commander';
import type { CommandFactory } from './index.ts';
import { dbPathFrom, openStoreForCli } from '../open-store.ts';
import { subjectFrom } from '../subject-options.ts';
import type { SubjectOptions } from '../subject-options.ts';
import { entriesOfSubject, lookupSubject } from '../../core/store/subject-access.ts';
import { planErasure } from '../../core/store/erase-subject.ts';

export const lookupCommand: CommandFactory = (ctx) =>
  new Command('lookup')
    .description('subject access: where and when this person appears, found by fingerprint')
    .option('--db <path>', 'database file (default: $FLIGHT_RECORDER_DB or ./data/flight-recorder.db)')
    .option('--email <email>', 'an e-mail address')
    .option('--key <key>', 'a user or rate-limit key (user:<id>, key:<prefix>)')
    .option('--json', 'print JSON')
    .action((opts: SubjectOptions & { db?: string; json?: boolean }) => {
      const store = openStoreForCli(dbPathFrom(opts.db, ctx), ctx, { mustExist: true });
      try {
        const subject = subjectFrom(opts, store.secret, ctx);
        const entryIds = entriesOfSubject(store, subject);
        const trace = lookupSubject(store, subject, entryIds);
        const erase = planErasure(store, subject, entryIds).counts;
        if (opts.json) {
          ctx.stdout(`${JSON.stringify({ ...trace, erase })}\n`);
          return;
        }
        const total = trace.findings + trace.events + trace.entries;
        if (total === 0) {
          ctx.stdout(`no trace of ${subject.label} in ${store.path}\n`);
          return;
        }
        ctx.stdout(`${subject.label}: ${trace.entries} entries, ${trace.findings} findings, ${trace.events} events, ${trace.streams} streams; first seen ${trace.firstSeen}, last seen ${trace.lastSeen}\n`);
        for (const w of trace.where) ctx.stdout(`  ${w.count}× ${w.what} (${w.instances.join(', ') || 'no instance'})\n`);
        // Erasure takes what was read from these entries too: say so before anyone runs it.
        ctx.stdout(
          `erase would delete ${erase.entries} entries, ${erase.findings} findings, ${erase.events} events and ${erase.streams} streams ` +
            '(with the findings and events read from those entries)\n',
        );
      } finally {
        store.close();
      }
    });
