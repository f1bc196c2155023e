import type { RuleId } from '../../core/findings/finding.ts';
import {
  auditLine, backendCompleted, backendError, chatStreamError, clientDisconnected, firstToken, requestCompleted,
  requestLogLine, requestStarted, staleCleanup, startingStream, streamComplete, type RequestContext,
} from './backend-lines.ts';
import { audience, type Audience, type ChatCall, type ChatResult, type OpenedStream } from './chat-call.ts';
import { CHAT_STREAM_PATH, chatStreamUrl, type LoggedUrl } from './chat-url.ts';
import type { LineExtras, MachineState, Work } from './engine.ts';
import type { JsonFields } from './json-text.ts';
import { CONVERSATION, queryHash, type Query } from './queries.ts';
import { rateLimited, violation } from './rate-limit.ts';
import type { Leak, StreamFacts, WinstonBody } from './record.ts';
import type { World } from './world.ts';

const ERRORS_AT_INIT = ['Backend stream failed: 502 Bad Gateway', 'Backend stream failed: 503 Service Unavailable', 'fetch failed', 'Backend response has no body'];
const BACKEND_ERRORS = ['upstream request timeout', 'RAG backend overloaded, retry later', 'Model provider error: overloaded_error', '[object Object]'];

function leak(rules: readonly RuleId[], hashOf: string | null = null, leaked: readonly string[] = []): Leak | null {
  return rules.length === 0 && hashOf === null && leaked.length === 0 ? null : { rules, hashOf, leaked, httpOnly: false };
}

const NO_RULES: RuleId[] = [];
const IP_RULES: RuleId[] = ['ip-address'];

/**
 * One request to the chat stream on `call.machine`, from the request logger's first line to the audit close:
 * every line with its time, what it tells (facts) and what it leaks. Returns when the client is done.
 */
export function chat(world: World, call: ChatCall): ChatResult {
  return new ChatFlow(world, call).run();
}

/** The lines of one request. A class rather than closures: a request is made hundreds of thousands of times. */
class ChatFlow {
  private readonly m: MachineState;
  private readonly t0: number;
  private readonly owner: Work;
  private readonly ctx: RequestContext;
  private readonly requestLeak: Leak | null;
  private readonly ipLeak: Leak | null;
  private who: Audience | null = null;
  private auditSorted = false;

  constructor(
    private readonly world: World,
    private readonly call: ChatCall,
  ) {
    this.m = call.machine;
    this.t0 = call.t0;
    const user = call.user;
    const ip = world.ipOf(user);
    const logged: LoggedUrl = call.method === 'POST'
      ? { url: CHAT_STREAM_PATH, rules: [], leaked: [] }
      : chatStreamUrl({ query: call.query, userEmail: user.emailParam, history: call.history ? CONVERSATION : null }, call.style, world.leaks);
    this.ctx = { correlationId: world.correlationId(), method: call.method, url: logged.url, userAgent: user.userAgent, ip };
    const ipRules = world.leaks ? IP_RULES : NO_RULES;
    this.ipLeak = leak(ipRules);
    this.requestLeak = leak(logged.rules.length === 0 ? ipRules : [...new Set([...logged.rules, ...ipRules])], null, logged.leaked);
    this.owner = world.engine.own(this.m, call.t0);
  }

  /** Every line of the request goes through here: its owner learns when its last line is due. */
  private put(at: number, line: WinstonBody, extras: LineExtras): void {
    this.world.engine.app(this.m, at, line, extras);
    if (at > this.owner.endMs) this.owner.endMs = at;
  }

  private completed(at: number, status: number): void {
    this.put(at, requestCompleted(this.ctx, status, at - this.t0, this.world.rng.chance(0.25) && this.world.quirks), { owner: this.owner, leak: this.requestLeak });
  }

  private audit(success: boolean, metadata: JsonFields, duration: number | null, error: string | null): WinstonBody {
    const who = this.who as Audience;
    return auditLine({
      operation: 'stream.chat', userId: who.userId, userEmail: who.userEmail, ipAddress: '[REDACTED]', endpoint: '/chat-stream',
      method: 'GET', success, metadata, duration, error, gdprCompliant: who.gdprCompliant,
    }, this.auditSorted);
  }

  run(): ChatResult {
    const { world, call, t0, owner } = this;
    const { rng } = world;
    const sortedStart = rng.chance(0.25) && world.quirks;
    const textLog = rng.chance(0.5);
    this.put(t0, requestStarted(this.ctx, sortedStart), { owner, leak: this.requestLeak });
    this.put(t0 + 1, requestLogLine(call.method, CHAT_STREAM_PATH, this.ctx.ip, textLog), { owner, leak: this.ipLeak });

    if (rateLimited(this.m, call.user.key, t0)) {
      violation(world, this.m, t0 + rng.int(1, 3), call.user, 'pair', owner);
      this.completed(t0 + rng.int(25, 40), 429);
      return { clientEndMs: t0 + rng.int(45, 70), limited: true, stream: null };
    }
    this.who = audience(world, call.user);
    this.auditSorted = rng.chance(0.25) && world.quirks;
    if (call.query === null) return this.missingQuery();
    return this.stream(call.query);
  }

  /** No query: a failure with a fresh connection id (one refactor dropped the id from it). */
  private missingQuery(): ChatResult {
    const { world, t0 } = this;
    const { rng } = world;
    const withId = rng.chance(0.6);
    const id = world.connectionId(t0);
    const hash = queryHash('');
    const meta: JsonFields = withId ? { connectionId: id, queryHash: hash, queryLength: 0 } : { queryHash: hash, queryLength: 0 };
    const t = t0 + rng.int(2, 5);
    const who = this.who as Audience;
    this.put(t, this.audit(false, meta, null, 'Missing query parameter'), { owner: this.owner, fact: { k: 'fail', s: null }, leak: leak(who.rules, '') });
    this.completed(t + rng.int(2, 6), 400);
    return { clientEndMs: t + 10, limited: false, stream: null };
  }

  private stream(query: Query): ChatResult {
    const { world, call, t0, owner } = this;
    const { rng } = world;
    const who = this.who as Audience;
    const connectionId = call.connectionId ?? world.connectionId(t0);
    // The stream's shape: first-token latency, tokens and the pace between them.
    const slow = rng.chance(0.02);
    const ft = Math.max(call.minFirstTokenMs ?? 8, slow ? rng.int(400, 1800) : Math.round(rng.logNormal(62, 0.55)));
    const tokens = rng.int(20, 420);
    const itl = rng.logNormal(26, 0.3);
    let duration = ft + Math.round((tokens - 1) * itl) + rng.int(0, 40);
    if (call.minDurationMs !== undefined && duration < call.minDurationMs) duration = call.minDurationMs + rng.int(0, 5000);
    const textFirst = rng.chance(0.15);
    const tA = t0 + rng.int(2, 6);
    const gap = rng.int(0, 3);
    const tAudit = textFirst ? tA + gap : tA;
    const tText = textFirst ? tA : tA + gap;
    const openTextDraw = rng.chance(0.3);
    const facts: StreamFacts = {
      connectionId, firstTokenMs: ft, durationMs: duration, tokens,
      openAt: null, closeAt: null, reconnect: false, failed: false, firstTokenSeen: false, durationSeen: false,
    };
    const hash = queryHash(query.text);
    this.put(tAudit, this.audit(true, { connectionId, queryHash: hash, queryLength: query.text.length }, null, null), {
      owner, fact: { k: 'open', s: facts }, leak: leak(who.rules, query.text),
    });
    // With leaks off the backend does not write this line at all (drawn anyway, so both runs tell one story).
    this.put(tText, startingStream(connectionId, query.text, call.textOpen === true || openTextDraw, rng.chance(0.25) && world.quirks), {
      owner, fact: { k: 'open', s: facts }, leak: leak(['plaintext-query', ...query.pii], null, [query.text.substring(0, 50)]), skip: !world.leaks,
    });
    const s: StreamPlan = { connectionId, facts, ft, tokens, itl, duration, openedMs: Math.max(tAudit, tText) };

    let outcome = call.outcome;
    let hangUpMs: number | null = null;
    const ends = outcome === 'complete' || outcome === 'complete-audit-only' || outcome === 'backend-error';
    if (call.maxTimeMs !== null && ends && duration > call.maxTimeMs) {
      outcome = 'disconnect';
      hangUpMs = t0 + call.maxTimeMs + rng.int(1, 30);
    }
    switch (outcome) {
      case 'complete':
        return this.complete(s);
      case 'complete-audit-only':
        return this.completeAuditOnly(s);
      case 'disconnect':
        return this.disconnect(s, hangUpMs);
      case 'init-fail':
        return this.initFail(s, query);
      case 'backend-error':
        return this.backendError(s);
      case 'stale':
        return this.stale(s);
      case 'silent-drop':
        return this.silentDrop(s);
    }
  }

  private opened(s: StreamPlan, closeMs: number | null): OpenedStream {
    return { facts: s.facts, owner: this.owner, machine: this.m, connectionId: s.connectionId, openedMs: s.openedMs, closeMs };
  }

  private text(): boolean {
    return this.world.rng.chance(0.3);
  }

  private firstTokenLine(s: StreamPlan): void {
    this.put(this.t0 + s.ft, firstToken(s.connectionId, s.ft, this.text()), { owner: this.owner, fact: { k: 'first-token', s: s.facts } });
  }

  /** The audit close: duration at the top level, in metadata, or (mostly) both. */
  private auditClose(s: StreamPlan, at: number, dur: number, got: number): void {
    const where = this.world.rng.next();
    const meta: JsonFields = { connectionId: s.connectionId, firstTokenLatency: s.ft, tokensReceived: got };
    if (where >= 0.1) meta['duration'] = dur;
    this.put(at, this.audit(true, meta, where < 0.9 ? dur : null, null), {
      owner: this.owner, fact: { k: 'close', s: s.facts, duration: true, audit: true }, leak: leak((this.who as Audience).rules),
    });
  }

  private complete(s: StreamPlan): ChatResult {
    const { rng } = this.world;
    const t0 = this.t0;
    this.firstTokenLine(s);
    if (rng.chance(0.3)) this.put(t0 + s.duration - rng.int(1, 3), backendCompleted(s.connectionId, this.text()), { owner: this.owner });
    const auditFirst = rng.chance(0.1);
    const tEnd = t0 + s.duration;
    const tComplete = auditFirst ? tEnd + rng.int(1, 5) : tEnd;
    const tClose = auditFirst ? tEnd : tEnd + rng.int(1, 20);
    this.put(tComplete, streamComplete(s.connectionId, s.tokens, s.duration, this.text()), {
      owner: this.owner, fact: { k: 'close', s: s.facts, duration: true, audit: false },
    });
    this.auditClose(s, tClose, s.duration, s.tokens);
    const last = Math.max(tComplete, tClose);
    this.completed(last + rng.int(1, 5), 200);
    return { clientEndMs: last + 8, limited: false, stream: this.opened(s, last) };
  }

  private completeAuditOnly(s: StreamPlan): ChatResult {
    const { rng } = this.world;
    this.firstTokenLine(s);
    this.put(this.t0 + s.duration - rng.int(0, 2), backendCompleted(s.connectionId, this.text()), { owner: this.owner });
    const tClose = this.t0 + s.duration + rng.int(1, 5);
    this.auditClose(s, tClose, s.duration, s.tokens);
    this.completed(tClose + rng.int(1, 5), 200);
    return { clientEndMs: tClose + 8, limited: false, stream: this.opened(s, tClose) };
  }

  private disconnect(s: StreamPlan, hangUpMs: number | null): ChatResult {
    const { rng } = this.world;
    const t0 = this.t0;
    const tFt = t0 + s.ft;
    const late = rng.chance(0.8) && s.duration > s.ft + 100;
    const tDisc = hangUpMs ?? (late ? rng.int(tFt + 50, t0 + s.duration - 1) : rng.int(s.openedMs + 5, Math.max(s.openedMs + 5, tFt - 1)));
    if (tFt < tDisc) this.firstTokenLine(s);
    else s.facts.firstTokenMs = null;
    this.put(tDisc, clientDisconnected(s.connectionId, this.text()), { owner: this.owner, fact: { k: 'close', s: s.facts, duration: false, audit: false } });
    s.facts.durationMs = null;
    return { clientEndMs: tDisc, limited: false, stream: this.opened(s, tDisc) };
  }

  /** Opened, then failed within 5 s (the failure names the stream, so the open becomes the failure). */
  private initFail(s: StreamPlan, query: Query): ChatResult {
    const { rng, quirks } = this.world;
    const t0 = this.t0;
    s.facts.firstTokenMs = null;
    s.facts.durationMs = null;
    const tFail = t0 + rng.int(200, 2500);
    const message = rng.pick(ERRORS_AT_INIT);
    // A stack printed as text lines is a transport quirk (continuation lines); without quirks it stays in JSON.
    const stackDraw = rng.chance(0.5) && quirks;
    this.put(tFail, chatStreamError(message, this.call.textStack === true || stackDraw), { owner: this.owner });
    const error = rng.chance(0.75) ? 'Stream initialization failed' : null;
    const meta: JsonFields = { connectionId: s.connectionId, queryHash: queryHash(query.text), queryLength: query.text.length, duration: tFail - t0 };
    this.put(tFail + rng.int(1, 5), this.audit(false, meta, tFail - t0, error), {
      owner: this.owner, fact: { k: 'fail', s: s.facts }, leak: leak((this.who as Audience).rules, query.text),
    });
    this.completed(tFail + rng.int(6, 9), 500);
    return { clientEndMs: tFail + 12, limited: false, stream: null };
  }

  private backendError(s: StreamPlan): ChatResult {
    const { rng } = this.world;
    const t0 = this.t0;
    const tFt = t0 + s.ft;
    this.firstTokenLine(s);
    const tErr = rng.int(tFt + 30, Math.max(tFt + 30, t0 + s.duration - 1));
    const got = Math.min(s.tokens, 1 + Math.floor((tErr - tFt) / s.itl));
    this.put(tErr, backendError(s.connectionId, rng.pick(BACKEND_ERRORS), this.text()), { owner: this.owner, fact: { k: 'stream-error' } });
    const tClose = tErr + rng.int(1, 10);
    s.facts.durationMs = tClose - t0;
    s.facts.tokens = got;
    this.auditClose(s, tClose, tClose - t0, got);
    this.completed(tClose + rng.int(1, 5), 200);
    return { clientEndMs: tClose + 8, limited: false, stream: this.opened(s, tClose) };
  }

  /** The backend hung: the sweeper (every minute, streams older than 5 minutes) closes it later. */
  private stale(s: StreamPlan): ChatResult {
    const { rng } = this.world;
    const m = this.m;
    if (rng.chance(0.85)) this.firstTokenLine(s);
    else s.facts.firstTokenMs = null;
    s.facts.durationMs = null;
    const due = this.t0 + 300_000;
    const tick = m.sweepPhase + Math.ceil((due + 1 - m.sweepPhase) / 60_000) * 60_000;
    const tSweep = tick + rng.int(0, 40);
    const close: LineExtras = { owner: this.owner, fact: { k: 'close', s: s.facts, duration: false, audit: false } };
    this.put(tSweep, staleCleanup(s.connectionId, this.text()), close);
    // Ending the response fires the request's `close` handler: a second close line of the same stream.
    if (rng.chance(0.5)) this.put(tSweep + rng.int(1, 5), clientDisconnected(s.connectionId, this.text()), close);
    return { clientEndMs: this.t0 + Math.min(s.duration, 30_000), limited: false, stream: this.opened(s, tSweep) };
  }

  private silentDrop(s: StreamPlan): ChatResult {
    if (s.ft < 5000) this.firstTokenLine(s);
    else s.facts.firstTokenMs = null;
    s.facts.durationMs = null;
    return { clientEndMs: this.t0 + Math.min(s.duration, 10_000), limited: false, stream: this.opened(s, null) };
  }
}

interface StreamPlan {
  connectionId: string;
  facts: StreamFacts;
  ft: number;
  tokens: number;
  itl: number;
  duration: number;
  openedMs: number;
}

/**
 * The server finally notices a silently dropped stream, right after its client reconnected with the same id:
 * an overlapping reconnect. Written after the new stream's open lines and before its first token, so every
 * joining rule (the oldest open stream of an id takes the close) lands on the right stream.
 */
export function noticeDrop(world: World, dropped: OpenedStream, reconnectOpenedMs: number): void {
  const at = reconnectOpenedMs + world.rng.int(10, 30);
  dropped.closeMs = at;
  if (at > dropped.owner.endMs) dropped.owner.endMs = at;
  world.engine.app(dropped.machine, at, clientDisconnected(dropped.connectionId, world.rng.chance(0.3)), {
    owner: dropped.owner,
    fact: { k: 'close', s: dropped.facts, duration: false, audit: false },
  });
}
