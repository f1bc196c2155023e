import { CURSOR_PARAM, LIMIT_PARAM, TIME_PARAM } from '../time-query.ts';

export const eventsQuerySchema = {
  type: 'object',
  properties: {
    type: { type: 'string', maxLength: 100 },
    connection: { type: 'string', maxLength: 200 },
    key: { type: 'string', maxLength: 500 },
    level: { type: 'string', maxLength: 20 },
    instance: { type: 'string', maxLength: 100 },
    q: { type: 'string', maxLength: 200 },
    from: TIME_PARAM,
    to: TIME_PARAM,
    limit: LIMIT_PARAM,
    cursor: CURSOR_PARAM,
  },
} as const;

export interface EventsQuery {
  type?: string;
  connection?: string;
  key?: string;
  level?: string;
  instance?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}
