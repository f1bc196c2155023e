import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate, simulateLeakLabels } from './simulate.ts';
import type { SimulationOptions } from './simulate.ts';
import { createEntryReader } from '../../core/formats/entry-reader.ts';
import { createScanner } from '../../core/findings/scanner.ts';
import { RULE_IDS } from '../../core/findings/finding.ts';
import type { RuleId } from '../../core/findings/finding.ts';

/**
 * The scanner against the simulator's ground truth: every entry of a realistic run, labelled by the model that
 * wrote it. Counted per entry and rule (the labels say which rules an entry breaks, not how often).
 * `linkable-hash` is left to the store: most of it is decided across entries.
 */
function measure(options: SimulationOptions): Map<RuleId, { expected: number; found: number; tp: number }> {
  const labels = new Map(simulateLeakLabels(options).map((l) => [l.index, new Set(l.rules)]));
  const reader = createEntryReader(options.format);
  const scanner = createScanner({ secret: Buffer.from('simulator-corpus-secret') });
  const totals = new Map(RULE_IDS.map((r) => [r, { expected: 0, found: 0, tp: 0 }]));
  let index = 0;
  const judge = (entries: ReturnType<typeof reader.push>): void => {
    for (const entry of entries) {
      const expected = labels.get(index++) ?? new Set<RuleId>();
      const found = new Set(scanner.scan(entry).findings.map((f) => f.rule));
      for (const rule of RULE_IDS) {
        if (rule === 'linkable-hash') continue;
        const t = totals.get(rule) as { expected: number; found: number; tp: number };
        if (expected.has(rule)) t.expected++;
        if (found.has(rule)) t.found++;
        if (expected.has(rule) && found.has(rule)) t.tp++;
      }
    }
  };
  for (const chunk of simulate(options)) judge(reader.push(chunk));
  judge(reader.end());
  return totals;
}

for (const format of ['plain', 'json'] as const) {
  test(`on simulated ${format} traffic, plaintext-query and e-mail findings reach 0.99 precision and recall`, () => {
    const totals = measure({ seed: 21, start: Date.parse('2026-11-20T09:00:00Z'), lines: 6000, format, leaks: true, quirks: true, replay: true });
    const rows: string[] = [];
    for (const [rule, t] of totals) {
      if (t.expected === 0 && t.found === 0) continue;
      rows.push(`${rule}: expected ${t.expected}, found ${t.found}, precision ${(t.found ? t.tp / t.found : 1).toFixed(4)}, recall ${(t.expected ? t.tp / t.expected : 1).toFixed(4)}`);
    }
    console.log(rows.join('\n'));
    for (const rule of ['plaintext-query', 'email'] as const) {
      const t = totals.get(rule) as { expected: number; found: number; tp: number };
      assert.ok(t.expected > 100, `${rule}: the run must hold leaks to measure (${t.expected})`);
      assert.ok(t.tp / t.found >= 0.99, `${rule} precision ${t.tp / t.found}`);
      assert.ok(t.tp / t.expected >= 0.99, `${rule} recall ${t.tp / t.expected}`);
    }
  });
}
