import { TIME_PARAM } from '../time-query.ts';

export const reportQuerySchema = {
  type: 'object',
  properties: {
    from: TIME_PARAM,
    to: TIME_PARAM,
    bucket: { type: 'string', enum: ['auto', '1m', '5m', '1h', 'none'] },
    includeTestTraffic: { type: 'boolean' },
  },
} as const;

export interface ReportQuery {
  from?: string;
  to?: string;
  bucket?: 'auto' | '1m' | '5m' | '1h' | 'none';
  includeTestTraffic?: boolean;
}
