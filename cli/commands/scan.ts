import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { CommandFactory } from './index.ts';
import type { CliContext } from '../cli-context.ts';
import { EnvironmentError, UsageError } from '../cli-context.ts';
import { FORMATS, openInput } from '../open-input.ts';
import { readEntries } from '../../ingest/read-entries.ts';
import type { FormatChoice } from '../../ingest/read-entries.ts';
import { createScanner } from '../../core/findings/scanner.ts';
import { oncePerValue } from '../../core/findings/once-per-value.ts';
import { secretFromText } from '../../core/findings/keyed-hash.ts';
import { BaselineError, formatBaseline, parseBaseline } from '../../core/findings/baseline.ts';
import type { Finding, RuleId, Severity } from '../../core/findings/finding.ts';
import { RULE_IDS } from '../../core/findings/finding.ts';

interface ScanOptions {
  format: FormatChoice;
  json?: boolean;
  baseline?: string;
  writeBaseline?: string;
}

/** A finding with the entry it was found in (time, instance, provider) and whether the baseline accepts it. */
interface ScanFinding extends Finding {
  time: string;
  instance: string;
  provider: string;
  accepted: boolean;
}

// Log text is data: anything that could steer a terminal (controls, bidi overrides, line separators) is escaped.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readBaseline(file: string, ctx: CliContext): Set<string> {
  let text: string;
  try {
    text = readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the baseline ${file}: ${code === 'ENOENT' ? 'no such file' : 'unreadable'} (write one with scan --write-baseline ${file})`);
  }
  try {
    return parseBaseline(text);
  } catch (err) {
    if (err instanceof BaselineError) throw new UsageError(`the baseline ${file} is not one (${err.message}): write it again with scan --write-baseline ${file}`);
    throw err;
  }
}

function writeBaselineFile(file: string, fingerprints: Iterable<string>, ctx: CliContext): void {
  try {
    writeFileSync(resolve(ctx.cwd, file), formatBaseline(fingerprints));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw new UsageError(`cannot write the baseline ${file}: no such directory, or it is a directory (check the path)`);
    throw new EnvironmentError(`cannot write the baseline ${file}: ${code === 'EACCES' || code === 'EROFS' ? 'not writable' : 'write failed'} (check permissions and free space)`);
  }
}

/** Same value, same rule, same place: one row of the table. */
interface Group {
  rule: RuleId;
  severity: Severity;
  field: string;
  preview: string;
  fingerprint: string;
  count: number;
  first: string;
  last: string;
  accepted: boolean;
}

function groupFindings(findings: readonly ScanFinding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.field}\u0000${f.fingerprint}`;
    const g = groups.get(key);
    if (g === undefined) {
      groups.set(key, { rule: f.rule, severity: f.severity, field: f.field, preview: f.preview, fingerprint: f.fingerprint, count: 1, first: f.time, last: f.time, accepted: f.accepted });
    } else {
      g.count++;
      if (f.time < g.first) g.first = f.time;
      if (f.time > g.last) g.last = f.time;
    }
  }
  const order: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };
  return [...groups.values()].sort((a, b) => order[a.severity] - order[b.severity] || a.rule.localeCompare(b.rule) || b.count - a.count);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function summaryLine(entries: number, findings: readonly ScanFinding[], unaccepted: number, baseline: boolean): string {
  if (findings.length === 0) return `scan: ${entries} entries, no findings`;
  const by = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const high = by('high');
  const verdict = high === 0 ? 'no high findings' : unaccepted === 0 ? 'every high finding is in the baseline' : `${unaccepted} high findings ${baseline ? 'not in the baseline' : 'to fix'}`;
  return `scan: ${entries} entries, ${findings.length} findings (high ${high}, medium ${by('medium')}, low ${by('low')}); ${verdict}`;
}

export const scanCommand: CommandFactory = (ctx, setExitCode) =>
  new Command('scan')
    .description('GDPR check of a saved log (or stdin) without storing anything: prints masked findings; exits 1 when a high finding is not accepted by the baseline')
    .addOption(new Option('--format <format>', 'input format').choices(FORMATS).default('auto'))
    .option('--json', 'print one JSON document instead of a table')
    .option('--baseline <file>', 'fingerprints to accept ({"version":1,"fingerprints":[…]}, as --write-baseline writes them); needs FLIGHT_RECORDER_SECRET')
    .option('--write-baseline <file>', "write the fingerprints of this log's high findings to FILE, accepting them; needs FLIGHT_RECORDER_SECRET")
    .argument('[file]', 'log file, or - for stdin', '-')
    .action(async (file: string, opts: ScanOptions) => {
      const secretText = ctx.env['FLIGHT_RECORDER_SECRET'] ?? '';
      const usesBaseline = opts.baseline !== undefined || opts.writeBaseline !== undefined;
      if (secretText === '' && usesBaseline) {
        throw new UsageError(`${opts.baseline !== undefined ? '--baseline' : '--write-baseline'} needs FLIGHT_RECORDER_SECRET (fingerprints are keyed with it): set it to the same secret for every run that shares the baseline`);
      }
      const accepted = opts.baseline === undefined ? new Set<string>() : readBaseline(opts.baseline, ctx);
      const input = openInput(file, ctx);
      if (secretText === '') {
        ctx.stderr('scan: FLIGHT_RECORDER_SECRET is not set: fingerprints are random for this run (set it to compare runs or to use a baseline)\n');
      }
      const scanner = createScanner({ secret: secretText === '' ? randomBytes(32) : secretFromText(secretText) });

      let entries = 0;
      let failed = 0;
      const findings: ScanFinding[] = [];
      try {
        for await (const batch of readEntries(input.stream, opts.format, { now: ctx.now })) {
          for (const entry of batch) {
            entries++;
            const outcome = scanner.scan(entry);
            if (outcome.failed) failed++;
            for (const f of oncePerValue(outcome.findings)) {
              findings.push({ time: entry.time, instance: entry.instance, provider: entry.provider, ...f, accepted: accepted.has(f.fingerprint) });
            }
          }
        }
      } catch (err) {
        if (err instanceof UsageError || err instanceof EnvironmentError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot read ${input.name}: ${typeof code === 'string' ? code : 'read failed'} (check the file)`);
      }

      const high = findings.filter((f) => f.severity === 'high');
      if (opts.writeBaseline !== undefined) {
        writeBaselineFile(opts.writeBaseline, high.map((f) => f.fingerprint), ctx);
        for (const f of high) f.accepted = true;
      }
      const unaccepted = high.filter((f) => !f.accepted).length;
      if (unaccepted > 0) setExitCode(1);

      if (opts.json) {
        const byRule = Object.fromEntries(RULE_IDS.map((r) => [r, findings.filter((f) => f.rule === r).length]));
        ctx.stdout(`${JSON.stringify({
          version: 1,
          entries,
          unscannable: failed,
          fingerprintsKeyed: secretText !== '',
          summary: { findings: findings.length, byRule, high: high.length, highNotAccepted: unaccepted },
          findings,
        })}\n`);
      } else {
        ctx.stdout(`${summaryLine(entries, findings, unaccepted, opts.baseline !== undefined || opts.writeBaseline !== undefined)}\n`);
        if (findings.length > 0) {
          const rows = [['rule', 'severity', 'field', 'preview', 'count', 'first seen', 'fingerprint', 'baseline']];
          for (const g of groupFindings(findings)) {
            rows.push([g.rule, g.severity, printable(g.field), printable(g.preview), String(g.count), printable(g.first), g.fingerprint.slice(0, 12), g.severity !== 'high' ? '' : g.accepted ? 'accepted' : 'new']);
          }
          ctx.stdout(`${table(rows)}\n`);
        }
      }
      if (failed > 0) ctx.stderr(`scan: ${failed} entries could not be scanned and were withheld whole; please report it\n`);
      if (opts.writeBaseline !== undefined) ctx.stderr(`scan: wrote ${new Set(high.map((f) => f.fingerprint)).size} fingerprints to ${opts.writeBaseline}\n`);
    });
