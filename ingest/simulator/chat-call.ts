import type { RuleId } from '../../core/findings/finding.ts';
import type { UrlStyle } from './chat-url.ts';
import type { MachineState, Work } from './engine.ts';
import type { User } from './people.ts';
import type { Query } from './queries.ts';
import type { StreamFacts } from './record.ts';
import type { World } from './world.ts';

/** How one stream ends, as the model decides it before writing its lines. */
export type Outcome =
  | 'complete' // Stream complete + audit close
  | 'complete-audit-only' // the backend ended without a `done` chunk: only the audit close
  | 'disconnect' // the client went away: Client disconnected
  | 'init-fail' // opened, then failed within 5 s: the open becomes a failure
  | 'backend-error' // [Stream] Backend error, then the audit close
  | 'stale' // the backend hung: swept 5+ minutes later
  | 'silent-drop'; // the client dropped unnoticed: the caller reconnects and the server notices only then

export function drawOutcome(world: World): Outcome {
  const r = world.rng.next();
  if (r < 0.004) return 'init-fail';
  if (r < 0.009) return 'backend-error';
  if (r < 0.013) return 'stale';
  if (r < 0.016) return 'silent-drop';
  if (r < 0.066) return 'disconnect';
  if (r < 0.146) return 'complete-audit-only';
  return 'complete';
}

export interface ChatCall {
  user: User;
  machine: MachineState;
  t0: number;
  /** null: the request has no query (Missing query parameter). */
  query: Query | null;
  method: 'GET' | 'POST';
  style: UrlStyle;
  history: boolean;
  /** `x-connection-id`: a reconnect reuses an id. */
  connectionId: string | null;
  outcome: Outcome;
  /** curl's --max-time: the client hangs up then. */
  maxTimeMs: number | null;
  /** A stream at least this long (Test 7's first connection must outlive the reconnect). */
  minDurationMs?: number;
  /** The first token comes no sooner (an overlapping reconnect's old stream must close first). */
  minFirstTokenMs?: number;
  /** Print the Starting stream line as text (a multi-line query then continues on the next line). */
  textOpen?: boolean;
  /** Print a failure's stack as text lines. */
  textStack?: boolean;
}

/** A stream that was opened, for whoever wants to reconnect to it. */
export interface OpenedStream {
  facts: StreamFacts;
  owner: Work;
  machine: MachineState;
  connectionId: string;
  /** The last of its open lines. */
  openedMs: number;
  /** When its close line is written; null when none is planned (silent drop). */
  closeMs: number | null;
}

export interface ChatResult {
  clientEndMs: number;
  limited: boolean;
  stream: OpenedStream | null;
}

export interface Audience {
  userId: string | null;
  userEmail: string | null;
  gdprCompliant: boolean;
  rules: RuleId[];
}

/** What the audit trail says about the caller (audit-service.ts: shouldLogEmail, isGDPRCompliant). */
export function audience(world: World, user: User): Audience {
  if (!world.leaks) return { userId: user.authId, userEmail: null, gdprCompliant: true, rules: [] };
  const rules: RuleId[] = [];
  const shown = user.authId !== null && user.email !== null ? user.email : null;
  if (shown !== null) rules.push('email');
  const compliant = !(user.authId === null && user.emailParam !== null);
  if (!compliant) rules.push('self-reported');
  return { userId: user.authId, userEmail: shown, gdprCompliant: compliant, rules };
}

