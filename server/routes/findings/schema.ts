import { RULE_IDS } from '../../../core/findings/finding.ts';
import type { ReviewStatus } from '../../../core/findings/finding.ts';
import { CURSOR_PARAM, LIMIT_PARAM, TIME_PARAM } from '../time-query.ts';

const STATUSES = ['open', 'acknowledged', 'resolved'] as const;

export const findingsQuerySchema = {
  type: 'object',
  properties: {
    rule: { type: 'string', enum: RULE_IDS },
    severity: { type: 'string', enum: ['high', 'medium', 'low'] },
    status: { type: 'string', enum: STATUSES },
    from: TIME_PARAM,
    to: TIME_PARAM,
    limit: LIMIT_PARAM,
    cursor: CURSOR_PARAM,
  },
} as const;

export interface FindingsQuery {
  rule?: string;
  severity?: string;
  status?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export const statusParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const statusBodySchema = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: STATUSES },
    note: { type: 'string', maxLength: 2000, default: '' },
    reviewer: { type: 'string', maxLength: 200, default: '' },
  },
} as const;

export interface StatusBody {
  status: ReviewStatus;
  note: string;
  reviewer: string;
}
