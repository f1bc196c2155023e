import type { Store } from '../store.ts';
import type { LogEntry } from '../../entry.ts';
import type { Finding, RuleId } from '../../findings/finding.ts';
import { RULE_SEVERITY } from '../../findings/finding.ts';
import { StoreWriter } from '../store-writer.ts';

/**
 * For tests: stores one entry per rule given, a second apart, each with one finding of that rule, as an ingest
 * would (the finding reads its time, instance and provider from its entry).
 */
export function addFindings(store: Store, rules: readonly RuleId[], startIso = '2026-11-20T09:00:00Z'): number[] {
  const writer = new StoreWriter(store.db);
  return writer.transaction(() =>
    rules.map((rule, i) => {
      const timeMs = Date.parse(startIso) + i * 1000;
      const entry: LogEntry = {
        time: new Date(timeMs).toISOString(), timeMs, precision: 'subsecond', instance: '5683606c41098e', provider: 'app', region: 'sin', level: 'info',
        message: `[Stream] Starting stream: ${i}, query: [REDACTED:${rule}]`, format: 'plain', unparsed: false, lines: 1,
      };
      const [entryId] = writer.insertEntries([{ entry, identity: BigInt(timeMs) * 64n + BigInt(i), flagged: true }]);
      if (entryId === null || entryId === undefined) throw new Error('the fixture entry was taken for a duplicate');
      const finding: Finding = {
        rule,
        severity: RULE_SEVERITY[rule],
        source: 'message',
        field: rule === 'plaintext-query' ? 'message.query' : 'message',
        start: 40,
        end: 54,
        length: 14,
        preview: rule === 'email' ? '…@example.com' : 'Wh…14',
        fingerprint: `${i.toString(16).padStart(2, '0')}`.repeat(32),
      };
      // The template as the scanner's line-template makes it: the line with its values cut out.
      const template = '[Stream] Starting stream: <id>, query: <…>';
      return writer.insertFinding(entryId, entry, { finding, template });
    }),
  );
}
