import type { Store } from '../store.ts';
import type { GdprFigures, LeakSource } from '../../report.ts';
import type { RuleId, Severity } from '../../findings/finding.ts';
import type { MinuteCounts } from '../../metrics/per-minute.ts';
import type { TimeWindow } from './time-window.ts';
import { prepared } from './prepared.ts';
import type { MinuteCountReader } from './minute-count-reader.ts';
import { RULE_SEVERITY } from '../../findings/finding.ts';
import { FLAGGED_KIND, MINUTE_MS, openKind, parseSourceKind, ruleKind } from '../minute-counts.ts';

export interface GdprWindow {
  figures: GdprFigures;
  /** Entries with a high-severity finding per minute, by rule: what a leak burst is made of. */
  highLeaksByRule: Map<RuleId, MinuteCounts>;
}

/** Flagged entries by rule, hash coverage of stream opens, where the leaks come from, what is still open. */
export function gdprFigures(
  store: Store, w: TimeWindow, counts: MinuteCountReader, opens: { opens: number; audited: number; hashed: number },
): GdprWindow {
  const flagged = counts.totalsOf(FLAGGED_KIND).get(FLAGGED_KIND)?.n ?? 0;
  const byRule: Partial<Record<RuleId, number>> = {};
  const highLeaksByRule = new Map<RuleId, MinuteCounts>();
  for (const [kind, t] of [...counts.totalsOf('rule:')].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rule = kind.slice(5) as RuleId;
    byRule[rule] = t.n;
    if (RULE_SEVERITY[rule] === 'high') highLeaksByRule.set(rule, counts.perMinute(ruleKind(rule)));
  }
  return {
    figures: {
      entriesFlagged: flagged,
      byRule,
      hashCoverage: opens.opens === 0 ? null : opens.hashed / opens.opens,
      auditCoverage: opens.opens === 0 ? null : opens.audited / opens.opens,
      ...leakSources(store, w, counts),
      ...openFindings(counts),
    },
    highLeaksByRule,
  };
}

/** The report lists the largest sources; a template that failed to generalise can make thousands of small ones. */
export const MAX_SOURCES = 50;

function leakSources(store: Store, w: TimeWindow, counts: MinuteCountReader): { sources: LeakSource[]; sourceCount: number } {
  const grouped = new Map<string, { template: string; rule: RuleId; count: number; first: number; last: number; instances: Set<string> }>();
  for (const [kind, t] of counts.totalsOf('source:')) {
    const s = parseSourceKind(kind);
    if (s === null) continue;
    const key = `${s.rule}\t${s.template}`;
    const g = grouped.get(key);
    if (g === undefined) {
      grouped.set(key, { template: s.template, rule: s.rule, count: t.n, first: t.firstMinute, last: t.lastMinute, instances: new Set([s.instance]) });
    } else {
      g.count += t.n;
      g.first = Math.min(g.first, t.firstMinute);
      g.last = Math.max(g.last, t.lastMinute);
      g.instances.add(s.instance);
    }
  }
  // The counts know the minute; the first and last sighting to the millisecond come from that minute's findings.
  const edge = (fn: 'min' | 'max') =>
    prepared<[number, number, string, string], { t: number | null }>(
      store.db,
      `SELECT ${fn}(time_ms) AS t FROM findings WHERE time_ms >= ? AND time_ms < ? AND rule = ? AND template = ?`,
    );
  const firstStmt = edge('min');
  const lastStmt = edge('max');
  const within = (minute: number): [number, number] => [Math.max(w.fromMs, minute * MINUTE_MS), Math.min(w.toMs, (minute + 1) * MINUTE_MS)];
  const largest = [...grouped.values()]
    .sort((a, b) => b.count - a.count || (a.template < b.template ? -1 : a.template > b.template ? 1 : 0) || (a.rule < b.rule ? -1 : 1))
    .slice(0, MAX_SOURCES);
  const sources = largest.map((g): LeakSource => {
    const first = firstStmt.get(...within(g.first), g.rule, g.template)?.t ?? g.first * MINUTE_MS;
    const last = lastStmt.get(...within(g.last), g.rule, g.template)?.t ?? g.last * MINUTE_MS;
    return {
      template: g.template,
      rule: g.rule,
      count: g.count,
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(last).toISOString(),
      instances: [...g.instances].filter((i) => i !== '').sort(),
    };
  });
  return { sources, sourceCount: grouped.size };
}

/** Findings of the window that no reviewer has acknowledged or resolved, by severity. */
function openFindings(counts: MinuteCountReader): { openBySeverity: Record<Severity, number>; openHigh: number } {
  const open = (severity: Severity): number => counts.totalsOf(openKind(severity)).get(openKind(severity))?.n ?? 0;
  const openBySeverity: Record<Severity, number> = { high: open('high'), medium: open('medium'), low: open('low') };
  return { openBySeverity, openHigh: openBySeverity.high };
}
