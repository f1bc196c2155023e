import type { JsonFields } from './json-text.ts';
import type { WinstonBody } from './record.ts';

/**
 * The lines the watched backend (nuzantara-backend, apps/backend-ts) writes, as its sources write them:
 * audit-service.ts, streaming-service.ts, rate-limit.ts, the correlation middleware and the request logger.
 */
export const SERVICE = 'nuzantara-backend';

export function winston(level: WinstonBody['level'], message: string, fields: JsonFields | null, text = false, sorted = false): WinstonBody {
  return { level, message, fields, text, stack: null, sorted };
}

export interface AuditParams {
  operation: string;
  userId: string | null;
  userEmail: string | null;
  /** Shown only on security.* and auth.* operations; '[REDACTED]' otherwise. */
  ipAddress: string;
  endpoint: string;
  method: string;
  success: boolean;
  metadata: JsonFields;
  duration: number | null;
  error: string | null;
  gdprCompliant: boolean;
}

/** `logger.log(level, '[AUDIT]', {...})`: info on success, warn on failure. */
export function auditLine(p: AuditParams, sorted: boolean): WinstonBody {
  const fields: JsonFields = { operation: p.operation };
  if (p.userId !== null) fields['userId'] = p.userId;
  fields['userEmail'] = p.userEmail ?? '[REDACTED]';
  fields['ipAddress'] = p.ipAddress;
  fields['endpoint'] = p.endpoint;
  fields['method'] = p.method;
  fields['success'] = p.success;
  fields['metadata'] = p.metadata;
  if (p.duration !== null) fields['duration'] = p.duration;
  if (p.error !== null) fields['error'] = p.error;
  fields['gdprCompliant'] = p.gdprCompliant;
  return winston(p.success ? 'info' : 'warn', '[AUDIT]', fields, false, sorted);
}

export function startingStream(connectionId: string, query: string, text: boolean, sorted: boolean): WinstonBody {
  return winston('info', `[Stream] Starting stream: ${connectionId}, query: "${query.substring(0, 50)}..."`, null, text, sorted);
}

export function firstToken(connectionId: string, ms: number, text: boolean): WinstonBody {
  return winston('info', `[Stream] First token latency: ${ms}ms for ${connectionId}`, null, text);
}

/** "latency" here is the stream's duration (spec/metrics.md). */
export function streamComplete(connectionId: string, tokens: number, durationMs: number, text: boolean): WinstonBody {
  return winston('info', `[Stream] Stream complete: ${connectionId}, tokens: ${tokens}, latency: ${durationMs}ms`, null, text);
}

export function backendCompleted(connectionId: string, text: boolean): WinstonBody {
  return winston('info', `[Stream] Backend stream completed: ${connectionId}`, null, text);
}

export function clientDisconnected(connectionId: string, text: boolean): WinstonBody {
  return winston('info', `[Stream] Client disconnected: ${connectionId}`, null, text);
}

export function staleCleanup(connectionId: string, text: boolean): WinstonBody {
  return winston('warn', `[Stream] Cleaning up stale connection: ${connectionId}`, null, text);
}

export function backendError(connectionId: string, error: string, text: boolean): WinstonBody {
  return winston('error', `[Stream] Backend error: ${error} for ${connectionId}`, null, text);
}

const STACK_FRAMES = [
  '    at StreamingService.streamChat (/app/dist/services/streaming-service.js:118:15)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async /app/dist/handlers/bali-zero/chat-stream.js:212:7',
];

/** `logger.error('[Stream] Chat stream error:', error)`: with the stack, which makes it a multi-line entry. */
export function chatStreamError(errorMessage: string, text: boolean): WinstonBody {
  const body = winston('error', `[Stream] Chat stream error: ${errorMessage}`, null, text);
  body.stack = [`Error: ${errorMessage}`, ...STACK_FRAMES].join('\n');
  return body;
}

export interface RequestContext {
  correlationId: string;
  method: string;
  url: string;
  userAgent: string;
  ip: string;
}

function requestFields(c: RequestContext, type: string): JsonFields {
  return { correlationId: c.correlationId, service: SERVICE, method: c.method, url: c.url, userAgent: c.userAgent, ip: c.ip, type };
}

/** The correlation middleware, at `http` level: the full URL, query string included. */
export function requestStarted(c: RequestContext, sorted: boolean): WinstonBody {
  return winston('http', `[${c.correlationId}] Request started: ${c.method} ${c.url}`, requestFields(c, 'request_start'), false, sorted);
}

export function requestCompleted(c: RequestContext, status: number, durationMs: number, sorted: boolean): WinstonBody {
  const fields = requestFields(c, 'request_end');
  fields['statusCode'] = status;
  fields['duration'] = durationMs;
  return winston('http', `[${c.correlationId}] Request completed: ${c.method} ${c.url} - ${status}`, fields, false, sorted);
}

/** The request logger: method, path (never the query string) and the address. */
export function requestLogLine(method: string, path: string, ip: string, text: boolean): WinstonBody {
  return winston('info', `${method} ${path} - ${ip}`, null, text);
}

export function rateLimitWarn(key: string, path: string, text: boolean): WinstonBody {
  return winston('warn', `🚨 Rate limit exceeded for ${key} on ${path}`, { service: SERVICE, environment: 'production' }, text);
}

export function rateLimitAuditFailed(text: boolean): WinstonBody {
  const body = winston('error', "[RateLimit] Failed to log audit: Cannot find module '../services/audit-service.js'", null, text);
  body.stack = "Error: Cannot find module '../services/audit-service.js'\n    at async /app/dist/middleware/rate-limit.js:44:9";
  return body;
}

/** The global limiter (100 requests / 15 min per address). */
export function globalRateLimit(ip: string, text: boolean): WinstonBody {
  return winston('warn', `Rate limit exceeded for IP: ${ip}`, null, text);
}
