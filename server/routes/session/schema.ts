export const sessionBodySchema = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 4096 } },
} as const;

export interface SessionBody {
  token: string;
}
