import type { Report, TargetId, TargetResult } from '../report.ts';
import { formatCount, formatMs, formatPercent, formatTargetValue } from './figure-text.ts';

/** What the logs say about each test group of the staging test plan. */
export type GroupResult = 'PASS' | 'FAIL' | 'not judgeable';

export interface TestGroupVerdict {
  name: string;
  result: GroupResult;
  /** The figure behind the result, or why the logs cannot judge it. Built from numbers only, never log text. */
  figure: string;
}

/** Opens with their `[AUDIT]` line: below this share the audit trail has holes. */
export const AUDIT_COVERAGE_MIN = 0.99;

export function judgeTestGroups(report: Report): TestGroupVerdict[] {
  const c = report.connections;
  const l = report.latency;
  const r = report.rateLimit;
  const g = report.gdpr;
  const target = (id: TargetId): TargetResult | undefined => report.targets.find((t) => t.id === id);
  const streaming = fromTargets([target('connection-success'), target('error-rate')]);
  const performance = fromTargets([target('first-token-avg'), target('inter-token-avg')]);
  const rateTarget = target('rate-limit-per-hour');
  const plaintext = target('gdpr-plaintext');
  // Reports from before `auditCoverage` existed: the share with a hash is the closest figure they hold.
  const audit = g.auditCoverage === undefined ? g.hashCoverage : g.auditCoverage;
  return [
    {
      name: 'Basic streaming (Tests 1–3)',
      result: streaming.result,
      figure: streaming.result === 'not judgeable'
        ? streaming.reason
        : `${formatCount(c.opened)} streams opened, ${formatCount(c.closed)} closed, ${formatCount(c.failed)} failed; ` +
          `success ${formatPercent(c.successRate)}, error rate ${formatPercent(report.errors.rate)}`,
    },
    {
      name: 'Performance (Tests 4–5)',
      result: performance.result,
      figure: performance.result === 'not judgeable'
        ? performance.reason
        : `avg latency: ${formatMs(l.firstTokenMs.avg)} to first token (p95 ${formatMs(l.firstTokenMs.p95)}), ` +
          `${formatMs(l.interTokenMs.avg)} between tokens (estimated); peak ${formatCount(c.peakConcurrent)} concurrent streams; measured by the server`,
    },
    {
      name: 'Rate limiting (Test 6)',
      ...(rateTarget === undefined || rateTarget.pass === null
        ? { result: 'not judgeable' as const, figure: rateTarget?.reason ?? 'no rate-limit target' }
        : r.violations === 0 && rateTarget.pass
          ? { result: 'not judgeable' as const, figure: 'no 429 in the window: the limiter was not exercised' }
          : {
              result: rateTarget.pass ? ('PASS' as const) : ('FAIL' as const),
              figure: `${formatCount(r.violations)} violations (${formatCount(r.testTraffic)} from test traffic); ` +
                `${formatTargetValue(rateTarget)} excluding test traffic (target ${rateTarget.target})`,
            }),
    },
    {
      name: 'Reconnection (Test 7)',
      ...(c.reconnects > 0
        ? { result: 'PASS' as const, figure: `${formatCount(c.reconnects)} reconnects seen in the audit trail` }
        : { result: 'not judgeable' as const, figure: 'no reconnect in the window' }),
    },
    {
      name: 'Security/Audit (Test 8)',
      ...(audit === null
        ? { result: 'not judgeable' as const, figure: 'no stream opened in the window' }
        : {
            result: audit >= AUDIT_COVERAGE_MIN ? ('PASS' as const) : ('FAIL' as const),
            figure: `${formatPercent(audit)} of stream opens have their audit line (needs ≥ ${formatPercent(AUDIT_COVERAGE_MIN)}); ` +
              `${formatPercent(g.hashCoverage)} carry a well-formed query hash`,
          }),
    },
    {
      name: 'GDPR (Test 9)',
      ...(plaintext === undefined || plaintext.pass === null
        ? { result: 'not judgeable' as const, figure: plaintext?.reason ?? 'no GDPR target' }
        : {
            result: plaintext.pass ? ('PASS' as const) : ('FAIL' as const),
            figure: `${formatCount(plaintext.actual ?? 0)} entries with a plaintext query; ${formatCount(g.entriesFlagged)} entries flagged in all; ` +
              `${formatCount(g.openHigh ?? 0)} high-severity findings open`,
          }),
    },
    {
      name: 'Backward compatibility (Test 10)',
      result: 'not judgeable',
      figure: 'the non-streaming endpoint is not in these logs: test it by hand',
    },
  ];
}

/** FAIL when a target fails, PASS when every judgeable one passes, else not judgeable with the first reason. */
function fromTargets(targets: Array<TargetResult | undefined>): { result: GroupResult; reason: string } {
  const known = targets.filter((t): t is TargetResult => t !== undefined);
  if (known.some((t) => t.pass === false)) return { result: 'FAIL', reason: '' };
  if (known.some((t) => t.pass === true)) return { result: 'PASS', reason: '' };
  return { result: 'not judgeable', reason: known.find((t) => t.reason !== null)?.reason ?? 'no data in the window' };
}
