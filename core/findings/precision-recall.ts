import type { LogEntry } from '../entry.ts';
import type { RuleId } from './finding.ts';
import { RULE_IDS } from './finding.ts';
import type { Scanner } from './scanner.ts';

/**
 * How well the scanner's findings match labelled entries, per rule: the measure behind the promise that a
 * finding is right (precision) and that every leak is found (recall). Counting is per entry and rule: an entry
 * labelled with 2 e-mails and scanned with 3 counts 2 true positives and 1 false positive.
 */
export interface LabelledEntry {
  /** A name to point at when a case is missed (never the entry's text: it may hold personal data). */
  id: string;
  entry: LogEntry;
  /** Findings each rule must make on this entry (absent: 0). */
  expect: Partial<Record<RuleId, number>>;
}

export interface RuleScore {
  rule: RuleId;
  expected: number;
  found: number;
  truePositives: number;
  /** 1 when nothing was found (no false positive possible). */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}

export interface Mismatch {
  id: string;
  rule: RuleId;
  expected: number;
  found: number;
}

export interface PrecisionRecall {
  byRule: RuleScore[];
  mismatches: Mismatch[];
  /** Entries whose scan failed (then redacted whole). */
  failed: string[];
}

export function measurePrecisionRecall(cases: readonly LabelledEntry[], scanner: Scanner): PrecisionRecall {
  const totals = new Map<RuleId, { expected: number; found: number; tp: number }>(RULE_IDS.map((r) => [r, { expected: 0, found: 0, tp: 0 }]));
  const mismatches: Mismatch[] = [];
  const failed: string[] = [];
  for (const c of cases) {
    const outcome = scanner.scan(c.entry);
    if (outcome.failed) failed.push(c.id);
    const found = new Map<RuleId, number>();
    for (const f of outcome.findings) found.set(f.rule, (found.get(f.rule) ?? 0) + 1);
    for (const rule of RULE_IDS) {
      const e = c.expect[rule] ?? 0;
      const f = found.get(rule) ?? 0;
      const t = totals.get(rule) as { expected: number; found: number; tp: number };
      t.expected += e;
      t.found += f;
      t.tp += Math.min(e, f);
      if (e !== f) mismatches.push({ id: c.id, rule, expected: e, found: f });
    }
  }
  const byRule = RULE_IDS.map((rule) => {
    const t = totals.get(rule) as { expected: number; found: number; tp: number };
    return {
      rule,
      expected: t.expected,
      found: t.found,
      truePositives: t.tp,
      precision: t.found === 0 ? 1 : t.tp / t.found,
      recall: t.expected === 0 ? 1 : t.tp / t.expected,
    };
  });
  return { byRule, mismatches, failed };
}

/** The per-rule table, for a test's output or a report. */
export function formatPrecisionRecall(result: PrecisionRecall): string {
  const rows = [
    '| rule | expected | found | true positives | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.byRule.map((r) => `| ${r.rule} | ${r.expected} | ${r.found} | ${r.truePositives} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`),
  ];
  for (const m of result.mismatches) rows.push(`  ${m.id}: ${m.rule} expected ${m.expected}, found ${m.found}`);
  for (const id of result.failed) rows.push(`  ${id}: scan failed`);
  return rows.join('\n');
}
