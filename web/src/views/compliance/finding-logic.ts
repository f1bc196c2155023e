/**
 * Words and rules of the compliance view. The rule table mirrors core's RULE_SEVERITY (the page may import
 * only types from core); `satisfies` makes the compiler fail here when a rule is added there.
 */
import type { ReviewStatus, RuleId, Severity, StatusChange, StoredFinding } from '../../../../core/findings/finding.ts';

export const RULES = {
  'plaintext-query': { label: 'Plaintext query', severity: 'high' },
  email: { label: 'E-mail address', severity: 'high' },
  'credit-card': { label: 'Card number', severity: 'high' },
  iban: { label: 'IBAN', severity: 'high' },
  phone: { label: 'Phone number', severity: 'medium' },
  'ip-address': { label: 'IP address', severity: 'low' },
  'self-reported': { label: 'Self-reported personal data', severity: 'medium' },
  'linkable-hash': { label: 'Linkable hash', severity: 'medium' },
} as const satisfies Record<RuleId, { label: string; severity: Severity }>;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'acknowledged', 'resolved'];

export function ruleLabel(rule: string): string {
  return Object.hasOwn(RULES, rule) ? RULES[rule as RuleId].label : rule;
}

/** The statuses a finding can be moved to: any other one (a resolved finding may be reopened). */
export function nextStatuses(current: ReviewStatus): ReviewStatus[] {
  return REVIEW_STATUSES.filter((status) => status !== current);
}

export function formatCoverage(coverage: number | null): string {
  if (coverage === null) return 'no stream opens in this window';
  return `${Number((coverage * 100).toFixed(1))} % of stream opens carry a well-formed queryHash`;
}

/** Rule counts of the report, largest first, every rule present even at zero so that zero is visible. */
export function ruleCounts(byRule: Partial<Record<RuleId, number>>): Array<{ rule: RuleId; count: number; severity: Severity }> {
  return RULE_IDS.map((rule) => ({ rule, count: byRule[rule] ?? 0, severity: RULES[rule].severity })).sort(
    (a, b) => b.count - a.count || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
}

/** The status endpoint may answer the updated finding or nothing; only a finding-shaped answer is used. */
export function isStoredFinding(value: unknown): value is StoredFinding {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredFinding>;
  return typeof candidate.id === 'number' && typeof candidate.status === 'string' && Array.isArray(candidate.history);
}

/** The finding as it stands after a status change the server accepted without answering it. */
export function withStatusChange(finding: StoredFinding, change: StatusChange): StoredFinding {
  return { ...finding, status: change.status, history: [...finding.history, change] };
}

/** Newest change first for reading. */
export function historyNewestFirst(history: readonly StatusChange[]): StatusChange[] {
  return [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
