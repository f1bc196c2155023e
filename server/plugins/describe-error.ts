import { HttpError } from './api-error.ts';
import { InvalidCursorError } from '../../core/store/queries/page-cursor.ts';
import { TooManyBucketsError } from '../../core/metrics/buckets.ts';

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

/**
 * What a failed request is told. Only texts written here reach the client: a parser's or SQLite's own message
 * may quote the input (JSON.parse does), so it is never passed on.
 */
export function describeError(err: unknown): ErrorReply {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message };
  if (err instanceof InvalidCursorError) return { status: 400, code: 'bad-cursor', message: err.message };
  if (err instanceof TooManyBucketsError) {
    return { status: 400, code: 'too-many-buckets', message: `the window spans ${err.count} buckets: narrow from/to, or choose a larger bucket, or none` };
  }
  if (Array.isArray(e.validation)) return { status: 400, code: 'bad-request', message: validationMessage(e.validation as ValidationIssue[], e.validationContext) };
  if (e.name === 'SyntaxError' && e.statusCode === 400) {
    const at = jsonErrorPosition(err);
    return { status: 400, code: 'invalid-json', message: `the request body is not valid JSON${at === null ? '' : ` (at position ${at})`}` };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid-json', message: 'the request body is not valid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'empty-body', message: 'the request body is empty: send a JSON object' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: 'send the body as JSON (Content-Type: application/json)' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body-too-large', message: 'the request body is too large' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad-request', message: 'the Content-Length does not match the body' };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { status: 503, code: 'store-busy', message: 'the database is busy: retry in a moment' };
    case 'SQLITE_FULL':
      return { status: 507, code: 'store-full', message: 'the database is full: free disk space' };
    case 'SQLITE_READONLY':
      return { status: 503, code: 'store-read-only', message: 'the database cannot be written: see /healthz' };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'bad-request', message: 'the request was refused' };
  }
  return { status: 500, code: 'internal', message: 'internal error: the service log says which part failed' };
}

function validationMessage(issues: ValidationIssue[], context: unknown): string {
  const where = typeof context === 'string' ? context : 'request';
  const parts = issues.slice(0, 3).map((i) => {
    const path = (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return `${where}${path === '' ? '' : `.${path}`} ${i.message ?? 'is not valid'}`;
  });
  return parts.join('; ');
}

/** The offset a JSON parse error names, when it names one: the only part of its message that is safe. */
export function jsonErrorPosition(err: unknown): number | null {
  const message = (err as { message?: unknown }).message;
  if (typeof message !== 'string') return null;
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}
