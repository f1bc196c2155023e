import type { Store } from '../store.ts';
import type { Finding, RuleId } from '../../findings/finding.ts';
import { RULE_SEVERITY } from '../../findings/finding.ts';
import { StoreWriter } from '../store-writer.ts';

/** For tests: stores findings against the store's first entry, one per rule given, a second apart. */
export function addFindings(store: Store, rules: readonly RuleId[], startIso = '2026-11-20T09:00:00Z'): number[] {
  const writer = new StoreWriter(store.db);
  const entryId = store.db.prepare<[], { id: number }>('SELECT min(id) AS id FROM entries').get()?.id ?? 1;
  return writer.transaction(() =>
    rules.map((rule, i) => {
      const timeMs = Date.parse(startIso) + i * 1000;
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
      return writer.insertFinding(entryId, { timeMs, time: new Date(timeMs).toISOString(), instance: '5683606c41098e', provider: 'app' }, { finding, template });
    }),
  );
}
