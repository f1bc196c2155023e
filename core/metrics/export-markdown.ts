import type { DeployWindowFigures, Report } from '../report.ts';
import { escapeMarkdown } from './markdown-text.ts';
import { judgeTestGroups } from './test-groups.ts';
import { TARGET_NAMES, VERDICT_TEXT, recommend } from './recommendation.ts';
import type { Verdict } from './recommendation.ts';
import { formatCount, formatMs, formatPercent, formatTargetValue } from './figure-text.ts';

export interface MarkdownOptions {
  /** When the report was made, ISO-8601: the report's date. */
  generatedAt: string;
  /** Shown as the environment, e.g. `Staging (nuzantara-backend.fly.dev)`. */
  environment?: string;
  tester?: string;
}

/** Incidents listed in full; the JSON report holds the rest. */
export const MAX_INCIDENTS = 50;
const MAX_ROWS = 20;

/**
 * The staging test report of the test plan (context/sse-staging-test-plan.md § Post-Testing Report), filled in
 * from the logs: readable as plain text, rendered as task lists and tables on GitHub. Every piece of log text
 * (incident summaries and samples, keys, templates, instances, proxy codes, gap reasons) and of configuration goes
 * through `escapeMarkdown`; the rest is this module's own words and numbers.
 */
export function exportMarkdown(report: Report, options: MarkdownOptions): string {
  const out: string[] = [];
  const rec = recommend(report);
  const t = (id: Parameters<typeof targetOf>[1]) => targetOf(report, id);

  out.push('# SSE Streaming Staging Test Report', '');
  out.push('## Test Results');
  out.push(`- Date: ${options.generatedAt.slice(0, 10)}`);
  out.push(`- Tester: ${escapeMarkdown(options.tester ?? 'flight-recorder (from the logs)')}`);
  out.push(`- Environment: ${escapeMarkdown(options.environment ?? 'Staging')}`);
  out.push(
    report.window.from === null || report.window.to === null
      ? '- Window: none (the store holds no log entries)'
      : `- Window: ${report.window.from} to ${report.window.to} (UTC), ${formatCount(report.entries)} log entries`,
  );
  if (report.incomplete === true || report.gaps.length > 0) {
    out.push(`- **Incomplete:** the log source was down ${report.gaps.length} time${report.gaps.length === 1 ? '' : 's'} in this window; figures there are missing (see Gaps)`);
  }
  out.push('');

  out.push('### Functional Tests');
  for (const g of judgeTestGroups(report)) {
    out.push(`- [${g.result === 'PASS' ? 'x' : ' '}] ${g.name}: ${g.result === 'not judgeable' ? 'not judgeable' : `**${g.result}**`} (${g.figure})`);
  }
  out.push('');

  out.push('### Performance Metrics');
  const l = report.latency;
  out.push(`- First token latency: ${formatMs(l.firstTokenMs.avg)} average, p50 ${formatMs(l.firstTokenMs.p50)}, p95 ${formatMs(l.firstTokenMs.p95)} (target: ${t('first-token-avg')?.target ?? '< 100 ms'}; measured by the server)`);
  out.push(`- Inter-token latency: ${formatMs(l.interTokenMs.avg)} average, estimated from duration and tokens (target: ${t('inter-token-avg')?.target ?? '< 50 ms'})`);
  out.push(`- Error rate: ${formatPercent(report.errors.rate)} (target: ${t('error-rate')?.target ?? '< 1 %'})`);
  out.push(`- Connection success: ${formatPercent(report.connections.successRate)} (target: ${t('connection-success')?.target ?? '> 95 %'})`);
  out.push(`- Stream duration: ${formatMs(l.streamDurationMs.avg)} average, p95 ${formatMs(l.streamDurationMs.p95)}; peak ${formatCount(report.connections.peakConcurrent)} concurrent, ${formatCount(report.connections.active)} open at the end`);
  out.push(`- Proxy errors: ${formatCount(report.proxy.errors)}${proxyCodes(report)}`);
  out.push('');

  out.push('### Targets', '');
  out.push('| Target | Goal | Actual | Result |', '| --- | --- | --- | --- |');
  for (const target of report.targets) {
    const result = target.pass === null ? `not judgeable: ${target.reason ?? 'no data'}` : target.pass ? '**PASS**' : '**FAIL**';
    out.push(`| ${TARGET_NAMES[target.id]} | ${target.target} | ${formatTargetValue(target)} | ${result} |`);
  }
  out.push('');

  out.push('### Issues Found');
  if (report.incidents.length === 0) out.push('None found in the logs.');
  report.incidents.slice(0, MAX_INCIDENTS).forEach((incident, i) => {
    out.push(`${i + 1}. **${escapeMarkdown(incident.kind)}**, ${incident.from} to ${incident.to}: ${escapeMarkdown(incident.summary)}${incident.incomplete === true ? ' (incomplete: the source was down)' : ''}`);
    for (const sample of incident.samples) out.push(`   - sample: ${escapeMarkdown(sample)}`);
  });
  if (report.incidents.length > MAX_INCIDENTS) out.push('', `… and ${report.incidents.length - MAX_INCIDENTS} more incidents (see the JSON report).`);
  out.push('');

  const deploys = report.deployImpact ?? [];
  if (deploys.length > 0) {
    out.push('### Deploys', '');
    out.push('| Deploy (UTC) | Machines | Minutes each side | Attempts | Error rate | First token avg | Reconnects | Proxy errors |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const d of deploys.slice(0, MAX_ROWS)) {
      const ba = (f: (x: DeployWindowFigures) => string): string => `${f(d.before)} → ${f(d.after)}`;
      out.push(
        `| ${d.at} | ${escapeMarkdown(d.instances.join(', '))} | ${d.windowMinutes} | ${ba((x) => formatCount(x.attempts))} | ` +
          `${ba((x) => formatPercent(x.errorRate))} | ${ba((x) => formatMs(x.firstTokenAvg))} | ${ba((x) => formatCount(x.reconnects))} | ` +
          `${ba((x) => formatCount(x.proxyErrors))} |`,
      );
    }
    if (deploys.length > MAX_ROWS) out.push('', `… and ${deploys.length - MAX_ROWS} more deploys (see the JSON report).`);
    out.push('');
  }

  if (report.rateLimit.topKeys.length > 0) {
    out.push('### Rate-limited keys', '');
    out.push('| Key | Violations | Test traffic |', '| --- | --- | --- |');
    for (const k of report.rateLimit.topKeys) out.push(`| ${escapeMarkdown(k.key)} | ${formatCount(k.count)} | ${k.test ? 'yes' : 'no'} |`);
    out.push('');
  }

  if (report.gdpr.sources.length > 0) {
    out.push('### Where personal data leaks', '');
    out.push('| Log line | Rule | Entries | First seen | Last seen | Machines |', '| --- | --- | --- | --- | --- | --- |');
    for (const s of report.gdpr.sources.slice(0, MAX_ROWS)) {
      out.push(`| ${escapeMarkdown(s.template)} | ${escapeMarkdown(s.rule)} | ${formatCount(s.count)} | ${s.firstSeen} | ${s.lastSeen} | ${escapeMarkdown(s.instances.join(', '))} |`);
    }
    const more = Math.max(report.gdpr.sourceCount ?? 0, report.gdpr.sources.length) - Math.min(report.gdpr.sources.length, MAX_ROWS);
    if (more > 0) out.push('', `… and ${formatCount(more)} more (see the JSON report and the compliance view).`);
    out.push('');
  }

  if (report.gaps.length > 0) {
    out.push('### Gaps', '');
    for (const g of report.gaps) out.push(`- ${g.from} to ${g.to}: ${escapeMarkdown(g.reason)}`);
    out.push('');
  }

  out.push('### Recommendation');
  for (const verdict of ['ready', 'needs-fixes', 'roll-back'] as Verdict[]) {
    out.push(`- [${rec.verdict === verdict ? 'x' : ' '}] ${VERDICT_TEXT[verdict]}`);
  }
  out.push('');
  if (rec.reasons.length > 0) {
    out.push(rec.verdict === 'ready' ? 'Caveats:' : 'Why:');
    for (const reason of rec.reasons) out.push(`- ${reason}`);
    out.push('');
  }

  out.push('### Next Steps');
  for (const step of nextSteps(report, rec.verdict)) out.push(`- ${step}`);
  return `${out.join('\n')}\n`;
}

function targetOf(report: Report, id: Report['targets'][number]['id']) {
  return report.targets.find((x) => x.id === id);
}

function proxyCodes(report: Report): string {
  const codes = Object.entries(report.proxy.byCode).sort((a, b) => b[1] - a[1]);
  if (codes.length === 0) return '';
  return ` (${codes.map(([code, n]) => `${escapeMarkdown(code)} ×${formatCount(n)}`).join(', ')}): users got errors the app never logged`;
}

function nextSteps(report: Report, verdict: Verdict): string[] {
  const steps: string[] = [];
  if ((report.gdpr.openHigh ?? 0) > 0) steps.push(`Stop the leaks and review the ${formatCount(report.gdpr.openHigh ?? 0)} open high-severity GDPR findings`);
  if (verdict === 'roll-back') steps.push('Disable the feature flag: `fly secrets set ENABLE_SSE_STREAMING=false` (see the Rollback Procedure)');
  for (const target of report.targets.filter((x) => x.pass === false)) steps.push(`Fix: ${TARGET_NAMES[target.id]} is ${formatTargetValue(target)}, target ${target.target}`);
  for (const group of judgeTestGroups(report).filter((g) => g.result === 'not judgeable')) steps.push(`Judge by hand or run again: ${group.name}`);
  if (verdict === 'ready') steps.push('Proceed with the production rollout');
  return steps;
}
