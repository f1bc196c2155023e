export type RuleId =
  | 'plaintext-query'
  | 'email'
  | 'credit-card'
  | 'iban'
  | 'phone'
  | 'ip-address'
  | 'self-reported'
  | 'linkable-hash';

export type Severity = 'high' | 'medium' | 'low';

export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  'plaintext-query': 'high',
  email: 'high',
  'credit-card': 'high',
  iban: 'high',
  phone: 'medium',
  'ip-address': 'low',
  'self-reported': 'medium',
  'linkable-hash': 'medium',
};

export const RULE_IDS = Object.keys(RULE_SEVERITY) as RuleId[];

/** Which text of the entry a span points into. */
export type FindingSource = 'message' | 'http.url' | 'http.errorMessage';

/**
 * One leak in one entry. Holds nothing from which the value could be read back: the preview is masked and the
 * fingerprint is keyed with the store's secret.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  source: FindingSource;
  /** Where in the entry's structure: `message`, `metadata.query`, `url.query`, `url.conversation_history[0].content`… */
  field: string;
  /** Span [start, end) in the original (unredacted) text of `source`, in UTF-16 code units. */
  start: number;
  end: number;
  /** Length of the decoded value, in characters. */
  length: number;
  /** At most the first two characters, then `…` and the length; e-mails keep only their domain. */
  preview: string;
  /** HMAC-SHA-256 (hex) of the decoded value, keyed with the store's secret. */
  fingerprint: string;
}

export type ReviewStatus = 'open' | 'acknowledged' | 'resolved';

export interface StatusChange {
  status: ReviewStatus;
  /** Scanned and redacted like log text before it is stored. */
  note: string;
  reviewer: string;
  at: string;
}

/** A finding as the store keeps it and `GET /api/findings` serves it: masked, never the value. */
export interface StoredFinding extends Finding {
  id: number;
  /** Entry reference. */
  time: string;
  instance: string;
  provider: string;
  entryId: number;
  /** The log-line template the leak came from (`[Stream] Starting stream: <id>, query: <…>`). */
  template: string;
  status: ReviewStatus;
  history: StatusChange[];
}

export interface FindingPage {
  items: StoredFinding[];
  next: string | null;
}
