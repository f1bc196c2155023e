export const liveQuerySchema = {
  type: 'object',
  properties: { from: { type: 'string', maxLength: 64 } },
} as const;

export interface LiveQuery {
  from?: string;
}
