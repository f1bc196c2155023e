import type { PlatformEventType } from './event.ts';

/**
 * What one entry says, before joining: the classifier reads a (redacted) entry and names the fact it carries.
 * The joiner turns signals into events, merging the two lines that report one fact.
 */
export type Signal =
  | { kind: 'open'; via: 'audit' | 'text'; connectionId: string; queryHash: string | null; userId: string | null }
  | { kind: 'first-token'; connectionId: string; ms: number }
  | {
      kind: 'close';
      via: 'audit' | 'complete' | 'disconnect' | 'stale';
      connectionId: string;
      durationMs: number | null;
      firstTokenMs: number | null;
      tokens: number | null;
    }
  | { kind: 'fail'; connectionId: string | null; error: string | null; userId: string | null }
  | { kind: 'stream-error' }
  | { kind: 'ratelimit'; via: 'warn' | 'audit' | 'global'; key: string | null }
  | { kind: 'auth'; operation: string; success: boolean | null; userId: string | null }
  | { kind: 'platform'; type: PlatformEventType; code: string | null };
