import type { Report, SeriesRow } from '../report.ts';

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed, quotes doubled), one header
 * row, rectangular, so it opens in a spreadsheet without edits:
 * - series: `bucket_start,metric,value`, one row per bucket and metric;
 * - summary (`--bucket none`): `metric,value`, one row per figure of the report.
 * Text that a spreadsheet could run as a formula (a cell starting with `=`, `+`, `-`, `@`, tab or CR) gets a
 * leading `'`. Numbers the report computed are written as numbers, so that a spreadsheet can sum them.
 */
export type CsvShape = 'series' | 'summary';

const SERIES_METRICS = [
  'opened', 'failed', 'errors', 'violations', 'testViolations', 'firstTokenP50', 'firstTokenP95', 'interTokenAvg', 'active',
  'closed', 'reconnects', 'proxyErrors', 'entries', 'incomplete',
] as const satisfies ReadonlyArray<keyof SeriesRow>;

type Cell = string | number | boolean | null | undefined;

export function exportCsv(report: Report, shape: CsvShape): string {
  const rows: Cell[][] = shape === 'series' ? seriesRows(report) : summaryRows(report);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function seriesRows(report: Report): Cell[][] {
  const rows: Cell[][] = [['bucket_start', 'metric', 'value']];
  for (const row of report.series) for (const metric of SERIES_METRICS) rows.push([row.t, metric, row[metric]]);
  return rows;
}

function summaryRows(report: Report): Cell[][] {
  const rows: Cell[][] = [['metric', 'value']];
  const add = (metric: string, value: Cell): void => {
    rows.push([metric, value]);
  };
  add('window.from', report.window.from);
  add('window.to', report.window.to);
  add('entries', report.entries);
  add('incomplete', report.incomplete ?? report.gaps.length > 0);
  for (const [k, v] of Object.entries(report.connections)) add(`connections.${k}`, v);
  for (const [name, l] of Object.entries(report.latency)) for (const [k, v] of Object.entries(l)) add(`latency.${name}.${k}`, v as Cell);
  add('errors.count', report.errors.count);
  add('errors.rate', report.errors.rate);
  add('proxy.errors', report.proxy.errors);
  for (const [code, n] of Object.entries(report.proxy.byCode)) add(`proxy.byCode.${code}`, n);
  add('rateLimit.violations', report.rateLimit.violations);
  add('rateLimit.perHour', report.rateLimit.perHour);
  add('rateLimit.testTraffic', report.rateLimit.testTraffic);
  report.rateLimit.topKeys.forEach((k, i) => {
    add(`rateLimit.topKeys.${i + 1}.key`, k.key);
    add(`rateLimit.topKeys.${i + 1}.count`, k.count);
    add(`rateLimit.topKeys.${i + 1}.test`, k.test);
  });
  add('gdpr.entriesFlagged', report.gdpr.entriesFlagged);
  for (const [rule, n] of Object.entries(report.gdpr.byRule)) add(`gdpr.byRule.${rule}`, n);
  add('gdpr.hashCoverage', report.gdpr.hashCoverage);
  add('gdpr.auditCoverage', report.gdpr.auditCoverage);
  add('gdpr.sourceCount', report.gdpr.sourceCount ?? report.gdpr.sources.length);
  add('gdpr.openHigh', report.gdpr.openHigh);
  for (const [severity, n] of Object.entries(report.gdpr.openBySeverity ?? {})) add(`gdpr.openBySeverity.${severity}`, n);
  for (const t of report.targets) {
    add(`targets.${t.id}.actual`, t.actual);
    add(`targets.${t.id}.pass`, t.pass);
    add(`targets.${t.id}.reason`, t.reason);
  }
  add('incidents', report.incidents.length);
  report.incidents.forEach((incident, i) => {
    add(`incidents.${i + 1}.kind`, incident.kind);
    add(`incidents.${i + 1}.from`, incident.from);
    add(`incidents.${i + 1}.to`, incident.to);
    add(`incidents.${i + 1}.summary`, incident.summary);
  });
  add('deploys', report.deploys.length);
  add('gaps', report.gaps.length);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell: numbers as numbers, text neutralised against formulas and quoted per RFC 4180. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
