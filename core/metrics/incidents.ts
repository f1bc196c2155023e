import type { Incident } from '../report.ts';
import type { RuleId } from '../findings/finding.ts';
import type { MinuteCounts } from './per-minute.ts';
import { MINUTE_MS, sumMinutes, sumOf } from './per-minute.ts';
import { MIN_ATTEMPTS } from './targets.ts';

/**
 * Incidents are found, not typed in (spec/metrics.md, issue "Incidents"): windows of 5 minutes that break a rule,
 * merged when they overlap or touch, and cut to the minutes that carry the trouble. Each rule needs enough
 * samples that one failure is not a 100 % error rate.
 */
export const INCIDENT_WINDOW_MINUTES = 5;
/** Reconnects in 5 minutes that make a spike, when they are also more than a quarter of the opens. */
export const RECONNECT_SPIKE_MIN = 10;
export const RECONNECT_SPIKE_SHARE = 0.25;
/** Entries with a high-severity leak in 5 minutes that make a burst. */
export const LEAK_BURST_MIN = 5;
/** Proxy errors in 5 minutes. */
export const PROXY_ERRORS_MIN = 3;
/** 429s of one key, each within a minute of the previous one. */
export const RATE_LIMIT_BURST_MIN = 5;
export const RATE_LIMIT_BURST_GAP_MS = 60_000;
/** Machine events less than 5 minutes apart are one episode. */
export const MACHINE_EPISODE_GAP_MS = 5 * 60_000;

export type IncidentKind = 'error-rate' | 'reconnect-spike' | 'gdpr-leak-burst' | 'proxy-errors' | 'rate-limit-burst' | 'machine-health';

/** Which stored lines support an incident: the store fetches a few of them as its samples. */
export type Evidence =
  | { from: 'events'; types: string[]; keyFingerprint?: string }
  | { from: 'findings'; rules: RuleId[] };

export interface DetectedIncident {
  incident: Incident;
  fromMs: number;
  toMs: number;
  evidence: Evidence;
}

export interface Violation {
  timeMs: number;
  keyFingerprint: string | null;
  key: string | null;
  test: boolean;
}

export interface MachineEvent {
  timeMs: number;
  type: 'platform.machine-start' | 'platform.machine-exit' | 'platform.health-fail';
  instance: string;
}

export interface IncidentInput {
  fromMs: number;
  toMs: number;
  opened: MinuteCounts;
  failed: MinuteCounts;
  streamErrors: MinuteCounts;
  reconnects: MinuteCounts;
  proxyByCode: ReadonlyMap<string, MinuteCounts>;
  highLeaksByRule: ReadonlyMap<RuleId, MinuteCounts>;
  violations: readonly Violation[];
  machineEvents: readonly MachineEvent[];
  /** The error-rate target as a fraction (0.01). */
  errorRateTarget: number;
  includeTestTraffic: boolean;
  gaps: ReadonlyArray<{ fromMs: number; toMs: number }>;
}

export function detectIncidents(input: IncidentInput): DetectedIncident[] {
  const found = [
    ...errorRateIncidents(input),
    ...reconnectSpikes(input),
    ...leakBursts(input),
    ...proxyErrorIncidents(input),
    ...rateLimitBursts(input),
    ...machineEpisodes(input),
  ];
  for (const d of found) {
    if (input.gaps.some((g) => g.fromMs < d.toMs && g.toMs > d.fromMs)) d.incident.incomplete = true;
  }
  return found.sort((a, b) => a.fromMs - b.fromMs || a.incident.kind.localeCompare(b.incident.kind) || a.incident.id.localeCompare(b.incident.id));
}

function errorRateIncidents(input: IncidentInput): DetectedIncident[] {
  const errors = sumOf(input.failed, input.streamErrors);
  const attempts = sumOf(input.opened, input.failed);
  const judge = (s: number): boolean => {
    const a = sumMinutes(attempts, s, s + INCIDENT_WINDOW_MINUTES);
    return a >= MIN_ATTEMPTS && sumMinutes(errors, s, s + INCIDENT_WINDOW_MINUTES) / a > input.errorRateTarget;
  };
  return flaggedSpans(errors, judge).map(([m0, m1]) => {
    const e = sumMinutes(errors, m0, m1);
    const a = sumMinutes(attempts, m0, m1);
    const rate = a === 0 ? null : e / a;
    const [fromMs, toMs] = clip(input, m0, m1);
    return made(input, 'error-rate', fromMs, toMs, null,
      `Error rate ${rate === null ? 'n/a' : percent(rate)} over ${minutes(fromMs, toMs)} (${e} errors in ${a} attempts; target < ${percent(input.errorRateTarget)})`,
      { errors: e, attempts: a, failed: sumMinutes(input.failed, m0, m1), streamErrors: sumMinutes(input.streamErrors, m0, m1), errorRate: rate },
      { from: 'events', types: ['stream.fail', 'stream.error'] });
  });
}

function reconnectSpikes(input: IncidentInput): DetectedIncident[] {
  const judge = (s: number): boolean => {
    const r = sumMinutes(input.reconnects, s, s + INCIDENT_WINDOW_MINUTES);
    return r >= RECONNECT_SPIKE_MIN && r > RECONNECT_SPIKE_SHARE * sumMinutes(input.opened, s, s + INCIDENT_WINDOW_MINUTES);
  };
  return flaggedSpans(input.reconnects, judge).map(([m0, m1]) => {
    const r = sumMinutes(input.reconnects, m0, m1);
    const o = sumMinutes(input.opened, m0, m1);
    const [fromMs, toMs] = clip(input, m0, m1);
    return made(input, 'reconnect-spike', fromMs, toMs, null,
      `${r} reconnects in ${minutes(fromMs, toMs)} (${o === 0 ? 'no' : percent(r / o)} of ${o} opens)`,
      { reconnects: r, opened: o, share: o === 0 ? null : r / o },
      { from: 'events', types: ['stream.reconnect'] });
  });
}

function leakBursts(input: IncidentInput): DetectedIncident[] {
  const all = sumOf(...input.highLeaksByRule.values());
  const judge = (s: number): boolean => sumMinutes(all, s, s + INCIDENT_WINDOW_MINUTES) >= LEAK_BURST_MIN;
  return flaggedSpans(all, judge).map(([m0, m1]) => {
    const figures: Record<string, number> = { leaks: sumMinutes(all, m0, m1) };
    const rules: RuleId[] = [];
    for (const [rule, counts] of input.highLeaksByRule) {
      const n = sumMinutes(counts, m0, m1);
      if (n > 0) {
        figures[rule] = n;
        rules.push(rule);
      }
    }
    const [fromMs, toMs] = clip(input, m0, m1);
    return made(input, 'gdpr-leak-burst', fromMs, toMs, null,
      `${figures['leaks']} high-severity leaks of personal data in ${minutes(fromMs, toMs)} (${rules.map((r) => `${r} ×${figures[r]}`).join(', ')})`,
      figures, { from: 'findings', rules });
  });
}

function proxyErrorIncidents(input: IncidentInput): DetectedIncident[] {
  const all = sumOf(...input.proxyByCode.values());
  const judge = (s: number): boolean => sumMinutes(all, s, s + INCIDENT_WINDOW_MINUTES) >= PROXY_ERRORS_MIN;
  return flaggedSpans(all, judge).map(([m0, m1]) => {
    const figures: Record<string, number> = { proxyErrors: sumMinutes(all, m0, m1) };
    const codes: string[] = [];
    for (const [code, counts] of [...input.proxyByCode].sort((a, b) => a[0].localeCompare(b[0]))) {
      const n = sumMinutes(counts, m0, m1);
      if (n > 0) {
        figures[code] = n;
        codes.push(`${code} ×${n}`);
      }
    }
    const [fromMs, toMs] = clip(input, m0, m1);
    return made(input, 'proxy-errors', fromMs, toMs, null,
      `${figures['proxyErrors']} proxy errors in ${minutes(fromMs, toMs)} (${codes.join(', ')}): users got errors the app never logged`,
      figures, { from: 'events', types: ['platform.proxy-error'] });
  });
}

/** One key's 429s, each within a minute of the previous: the test plan's own keys only when asked for. */
function rateLimitBursts(input: IncidentInput): DetectedIncident[] {
  const byKey = new Map<string, Violation[]>();
  for (const v of input.violations) {
    if (v.keyFingerprint === null || (v.test && !input.includeTestTraffic)) continue;
    const list = byKey.get(v.keyFingerprint);
    if (list) list.push(v);
    else byKey.set(v.keyFingerprint, [v]);
  }
  const out: DetectedIncident[] = [];
  for (const [fp, list] of byKey) {
    list.sort((a, b) => a.timeMs - b.timeMs);
    for (const cluster of clusters(list, RATE_LIMIT_BURST_GAP_MS)) {
      if (cluster.length < RATE_LIMIT_BURST_MIN) continue;
      const first = cluster[0] as Violation;
      const last = cluster[cluster.length - 1] as Violation;
      const key = first.key ?? 'unknown key';
      out.push(made(input, 'rate-limit-burst', first.timeMs, last.timeMs + 1, fp.slice(0, 8),
        `${cluster.length} rate-limit violations from ${key} in ${minutes(first.timeMs, last.timeMs + 1)}${first.test ? ' (test traffic)' : ''}`,
        { violations: cluster.length, key, test: first.test ? 1 : 0 },
        { from: 'events', types: ['ratelimit.violation'], keyFingerprint: fp }));
    }
  }
  return out;
}

/** Failed health checks, or a machine that started twice in one episode: restarts. A single start is a deploy. */
function machineEpisodes(input: IncidentInput): DetectedIncident[] {
  const sorted = [...input.machineEvents].sort((a, b) => a.timeMs - b.timeMs);
  const out: DetectedIncident[] = [];
  for (const episode of clusters(sorted, MACHINE_EPISODE_GAP_MS)) {
    const healthFailures = episode.filter((e) => e.type === 'platform.health-fail').length;
    const startsBy = new Map<string, number>();
    for (const e of episode) if (e.type === 'platform.machine-start') startsBy.set(e.instance, (startsBy.get(e.instance) ?? 0) + 1);
    const restarts = [...startsBy.values()].reduce((n, s) => n + Math.max(0, s - 1), 0);
    if (healthFailures === 0 && restarts === 0) continue;
    const first = episode[0] as MachineEvent;
    const last = episode[episode.length - 1] as MachineEvent;
    const machines = new Set(episode.map((e) => e.instance)).size;
    const parts = [
      healthFailures > 0 ? `${healthFailures} failed health check${healthFailures === 1 ? '' : 's'}` : null,
      restarts > 0 ? `${restarts} restart${restarts === 1 ? '' : 's'}` : null,
    ].filter((p) => p !== null);
    out.push(made(input, 'machine-health', first.timeMs, last.timeMs + 1, null,
      `${machines} machine${machines === 1 ? '' : 's'}: ${parts.join(', ')} in ${minutes(first.timeMs, last.timeMs + 1)}`,
      {
        healthFailures, restarts, machines,
        starts: episode.filter((e) => e.type === 'platform.machine-start').length,
        exits: episode.filter((e) => e.type === 'platform.machine-exit').length,
      },
      { from: 'events', types: ['platform.health-fail', 'platform.machine-start', 'platform.machine-exit'] }));
  }
  return out;
}

/**
 * The 5-minute windows that contain a trigger minute and that `judge` flags, merged where they overlap or touch,
 * each cut to its first and last trigger minute: `[fromMinute, toMinute)` pairs, ascending.
 */
export function flaggedSpans(trigger: MinuteCounts, judge: (startMinute: number) => boolean, width = INCIDENT_WINDOW_MINUTES): Array<[number, number]> {
  const triggers = [...trigger.entries()].filter(([, n]) => n > 0).map(([m]) => m).sort((a, b) => a - b);
  const candidates = new Set<number>();
  for (const m of triggers) for (let s = m - width + 1; s <= m; s++) candidates.add(s);
  const flagged = [...candidates].sort((a, b) => a - b).filter(judge);
  const merged: Array<[number, number]> = [];
  for (const s of flagged) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], s + width);
    else merged.push([s, s + width]);
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  for (const [a, b] of merged) {
    while (i < triggers.length && (triggers[i] as number) < a) i++;
    let first: number | null = null;
    let last = 0;
    for (; i < triggers.length && (triggers[i] as number) < b; i++) {
      first ??= triggers[i] as number;
      last = triggers[i] as number;
    }
    if (first !== null) out.push([first, last + 1]);
  }
  return out;
}

function clusters<T extends { timeMs: number }>(sorted: readonly T[], gapMs: number): T[][] {
  const out: T[][] = [];
  for (const item of sorted) {
    const current = out[out.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && item.timeMs - last.timeMs <= gapMs) current.push(item);
    else out.push([item]);
  }
  return out;
}

function clip(input: IncidentInput, m0: number, m1: number): [number, number] {
  return [Math.max(input.fromMs, m0 * MINUTE_MS), Math.min(input.toMs, m1 * MINUTE_MS)];
}

function made(
  input: IncidentInput, kind: IncidentKind, fromMs: number, toMs: number, discriminator: string | null, summary: string,
  figures: Incident['figures'], evidence: Evidence,
): DetectedIncident {
  const from = new Date(fromMs).toISOString();
  return {
    incident: { id: incidentId(kind, fromMs, discriminator), from, to: new Date(toMs).toISOString(), kind, summary, figures, samples: [] },
    fromMs,
    toMs,
    evidence,
  };
}

/** Stable and readable: `error-rate-20261120T091400Z`, plus the key's fingerprint prefix for a key's burst. */
export function incidentId(kind: string, fromMs: number, discriminator: string | null): string {
  const stamp = new Date(fromMs).toISOString().replace(/[-:]/g, '').replace('.000Z', 'Z');
  return `${kind}-${stamp}${discriminator === null ? '' : `-${discriminator}`}`;
}

function percent(x: number): string {
  const p = x * 100;
  return `${p >= 10 ? p.toFixed(0) : p.toFixed(1)} %`;
}

function minutes(fromMs: number, toMs: number): string {
  const s = Math.max(1, Math.round((toMs - fromMs) / 1000));
  if (s < 90) return `${s} s`;
  return `${Math.round(s / 60)} min`;
}
