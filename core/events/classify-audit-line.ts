import type { JsonObject } from '../json-object.ts';
import { numberField, objectField, stringField } from '../json-object.ts';
import type { Signal } from './signal.ts';

/** An `[AUDIT]` line of the backend (spec/log-formats.md § Audit trail). */
export function classifyAuditLine(audit: JsonObject): Signal | null {
  const operation = stringField(audit, 'operation');
  if (operation === null) return null;
  const metadata = objectField(audit, 'metadata');
  const userId = stringField(audit, 'userId');
  const success = typeof audit['success'] === 'boolean' ? audit['success'] : null;

  if (operation === 'stream.chat') {
    const connectionId = stringField(metadata, 'connectionId');
    if (success === false) {
      return { kind: 'fail', connectionId, error: stringField(audit, 'error'), userId };
    }
    if (connectionId === null) return null;
    // A close carries `duration` at the top level, in metadata, or both; an open carries none.
    const duration = numberField(audit, 'duration') ?? numberField(metadata, 'duration');
    if (duration === null) {
      return { kind: 'open', via: 'audit', connectionId, queryHash: stringField(metadata, 'queryHash'), userId };
    }
    return {
      kind: 'close',
      via: 'audit',
      connectionId,
      durationMs: duration,
      firstTokenMs: numberField(metadata, 'firstTokenLatency'),
      tokens: numberField(metadata, 'tokensReceived'),
    };
  }
  if (operation === 'security.rate_limit_violation') {
    const identifier = stringField(metadata, 'identifier') ?? stringField(metadata, 'key');
    const key = identifier ?? (userId !== null ? `user:${userId}` : null);
    return { kind: 'ratelimit', via: 'audit', key };
  }
  if (operation.startsWith('auth.')) return { kind: 'auth', operation, success, userId };
  return null;
}
