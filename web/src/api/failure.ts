/**
 * A failed API call, as the page shows it: the server's `{"error":{"code","message"}}` as text, or what went
 * wrong on the way. Bodies that are not that shape (a proxy's HTML page) are never shown: only their status.
 */
import type { ApiError } from '../../../core/api.ts';

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function failureFromResponse(status: number, statusText: string, bodyText: string): ApiFailure {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON: fall through to the status line.
  }
  if (isApiError(body)) return new ApiFailure(status, body.error.code, body.error.message);
  if (status === 401) return new ApiFailure(status, 'unauthorized', 'A token is needed to see this.');
  const line = statusText === '' ? `${status}` : `${status} ${statusText}`;
  return new ApiFailure(status, `http-${status}`, `The server answered ${line}.`);
}

export function failureFromNetwork(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return new ApiFailure(0, 'network', 'Cannot reach the flight-recorder service. Is it running?');
}

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** One line for an error state: the message, and the code when the server gave one. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiFailure) {
    return error.code.startsWith('http-') || error.code === 'network' ? error.message : `${error.message} (${error.code})`;
  }
  return 'Something went wrong while loading this.';
}
