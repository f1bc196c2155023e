import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportMarkdown } from './export-markdown.ts';
import { sampleReport, withTarget } from './sample-report.ts';
import type { Incident } from '../report.ts';

const OPTIONS = { generatedAt: '2026-11-20T10:05:00.000Z', environment: 'Staging (nuzantara-backend.fly.dev)' };

function section(md: string, title: string): string {
  const start = md.indexOf(`### ${title}`);
  assert.ok(start >= 0, `section ${title}`);
  const next = md.indexOf('\n### ', start + 4);
  return md.slice(start, next < 0 ? undefined : next);
}

test('the report follows the test plan: date, environment, test groups, metrics, targets, issues, recommendation', () => {
  const md = exportMarkdown(sampleReport(), OPTIONS);
  assert.ok(md.startsWith('# SSE Streaming Staging Test Report\n\n## Test Results\n- Date: 2026-11-20\n'));
  assert.match(md, /^- Environment: Staging \(nuzantara-backend\.fly\.dev\)$/m);
  assert.match(md, /^- Window: 2026-11-20T09:00:00\.000Z to 2026-11-20T10:00:00\.000Z \(UTC\), 14,908 log entries$/m);
  const groups = section(md, 'Functional Tests');
  assert.match(groups, /^- \[x\] Basic streaming \(Tests 1–3\): \*\*PASS\*\* \(598 streams opened, 590 closed, 2 failed; success 99\.67 %, error rate 0\.50 %\)$/m);
  assert.match(groups, /^- \[x\] Performance \(Tests 4–5\): \*\*PASS\*\* \(avg latency: 84\.7 ms to first token/m);
  assert.match(groups, /^- \[x\] Rate limiting \(Test 6\): \*\*PASS\*\* \(5 violations \(5 from test traffic\)/m);
  assert.match(groups, /^- \[x\] Reconnection \(Test 7\): \*\*PASS\*\* \(31 reconnects/m);
  assert.match(groups, /^- \[x\] GDPR \(Test 9\): \*\*PASS\*\*/m);
  assert.match(groups, /^- \[ \] Backward compatibility \(Test 10\): not judgeable/m);
  assert.match(section(md, 'Performance Metrics'), /^- First token latency: 84\.7 ms average, p50 85\.0 ms, p95 125 ms \(target: < 100 ms; measured by the server\)$/m);
  const targets = section(md, 'Targets').split('\n').filter((l) => l.startsWith('|'));
  assert.equal(targets.length, 2 + 6);
  assert.equal(targets[2], '| First token latency (average) | < 100 ms | 84.7 ms | **PASS** |');
  assert.match(section(md, 'Issues Found'), /None found in the logs\./);
  assert.match(section(md, 'Recommendation'), /^- \[x\] Ready for production rollout\n- \[ \] Needs fixes before production\n- \[ \] Rollback recommended$/m);
  assert.ok(md.endsWith('\n') && !md.includes('undefined') && !md.includes('NaN'));
});

test('a target that cannot be judged says why, and the group it belongs to is not judgeable', () => {
  const r = sampleReport({ connections: { ...sampleReport().connections, attempts: 3, opened: 3, failed: 0, successRate: 1, reconnects: 0 } });
  const md = exportMarkdown(r, OPTIONS);
  assert.match(md, /^\| Error rate \| < 1 % \| 0\.50 % \| not judgeable: too few attempts to judge \(3 < 20\) \|$/m);
  assert.match(md, /^- \[ \] Basic streaming \(Tests 1–3\): not judgeable \(too few attempts to judge \(3 < 20\)\)$/m);
  assert.match(md, /^- \[ \] Reconnection \(Test 7\): not judgeable \(no reconnect in the window\)$/m);
});

test('failures and open high findings lead to a roll back that names the reasons and the next steps', () => {
  const base = withTarget(sampleReport(), 'inter-token-avg', { actual: 122, pass: false });
  const r = { ...base, gdpr: { ...base.gdpr, entriesFlagged: 12, byRule: { 'plaintext-query': 12 }, openHigh: 12, openBySeverity: { high: 12, medium: 0, low: 0 } } };
  const md = exportMarkdown(r, OPTIONS);
  const rec = section(md, 'Recommendation');
  assert.match(rec, /^- \[x\] Rollback recommended$/m);
  assert.match(rec, /^- 12 high-severity GDPR findings are open$/m);
  const next = section(md, 'Next Steps');
  assert.match(next, /Stop the leaks and review the 12 open high-severity GDPR findings/);
  assert.match(next, /Fix: Inter-token latency \(average, estimated\) is 122 ms, target < 50 ms/);
  const needsFixes = exportMarkdown(base, OPTIONS);
  assert.match(section(needsFixes, 'Recommendation'), /^- \[x\] Needs fixes before production$/m);
  assert.match(section(needsFixes, 'Recommendation'), /^- Inter-token latency \(average, estimated\) failed: 122 ms \(target < 50 ms\)$/m);
});

test('log text in incidents, keys, leak sources and gaps is escaped and cannot break the layout', () => {
  const hostile = 'a | b <img src=x onerror=alert(1)> **bold** [x](http://evil) @here `code` # h\n- fake item';
  const incident: Incident = {
    id: 'rate-limit-burst-20261120T091000Z-aa11bb22', from: '2026-11-20T09:10:00.000Z', to: '2026-11-20T09:12:00.000Z',
    kind: 'rate-limit-burst', summary: `6 rate-limit violations from user:${hostile}`, figures: { violations: 6 }, samples: [`2026-11-20T09:10:00Z app[x] ${hostile}`],
  };
  const base = sampleReport();
  const r = sampleReport({
    incidents: [incident],
    rateLimit: { ...base.rateLimit, topKeys: [{ key: `user:${hostile}`, count: 6, test: false }] },
    gdpr: { ...base.gdpr, sources: [{ template: hostile, rule: 'email', count: 1, firstSeen: 'a', lastSeen: 'b', instances: ['i|1'] }] },
    gaps: [{ from: '2026-11-20T09:20:00.000Z', to: '2026-11-20T09:21:00.000Z', reason: hostile }],
    incomplete: true,
  });
  const md = exportMarkdown(r, OPTIONS);
  assert.ok(!/(^|[^\\])<img/.test(md), 'no raw HTML');
  assert.ok(!md.includes('**bold**') && !md.includes('[x](') && !md.includes(' @here'), 'no emphasis, link or mention');
  assert.ok(!/\n- fake item/.test(md), 'a newline in log text does not start a new list item');
  assert.match(md, /a \\\| b \\<img src=x onerror=alert\(1\)\\> \\\*\\\*bold\\\*\\\* \\\[x\\\]\(http:\/\/evil\) \\@here \\`code\\` \\# h ⏎ - fake item/);
  for (const title of ['Rate-limited keys', 'Where personal data leaks']) {
    const rows = section(md, title).split('\n').filter((l) => l.startsWith('|'));
    const widths = rows.map((l) => l.replace(/\\\|/g, '').split('|').length);
    assert.ok(widths.every((w) => w === widths[0]), `${title}: every row has the header's cells`);
  }
  assert.match(md, /^1\. \*\*rate-limit-burst\*\*, 2026-11-20T09:10:00\.000Z to 2026-11-20T09:12:00\.000Z: 6 rate-limit violations/m);
  assert.match(md, /^ {3}- sample: 2026-11-20T09:10:00Z app\\\[x\\\] a \\\| b/m);
  assert.match(md, /^- \*\*Incomplete:\*\* the log source was down 1 time in this window/m);
});
