import type { ApiError } from '../../core/api.ts';

/** The one error shape of every answer: `{"error":{"code","message"}}`. Messages never quote request input. */
export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}

/** Thrown by routes; the error handler turns it into its status and the error shape. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
