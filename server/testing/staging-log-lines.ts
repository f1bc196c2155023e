/**
 * `fly logs` text as staging prints it, stamped at the time given, for the browser tests and the browser
 * benchmark: audit stream opens and closes, `[Stream]` lines (one of which leaks the query), health checks and
 * proxy errors, ANSI colours included. Every line ends with a newline.
 */
import { STREAM_CHAT_AUDIT } from '../../core/formats/fixtures.ts';

const INSTANCES = ['4d895d5ec41638', 'e2862692b79d68', 'd8dd799b450738'] as const;
const REGIONS = ['sin', 'lhr', 'syd'] as const;
const ESC = '\u001b';

/** Fly prints whole seconds. */
function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function linePrefix(ms: number, provider: string, slot: number, level: string): string {
  const k = slot % INSTANCES.length;
  return `${ESC}[2m${stamp(ms)}${ESC}[0m ${provider}[${INSTANCES[k]}] ${ESC}[32m${REGIONS[k]}${ESC}[0m [${level}]`;
}

/** A connection id shaped like the backend's: `conn_<ms>_<9 letters>`; `tag` keeps ids of one run apart. */
export function connectionId(ms: number, tag: string): string {
  return `conn_${Math.floor(ms)}_${tag.padEnd(9, 'x').slice(0, 9)}`;
}

/** A successful `stream.chat` `[AUDIT]` line of the backend, with what tells an open from a close. */
function streamAudit(ms: number, slot: number, fields: Record<string, unknown>): string {
  const body = {
    level: 'info',
    ...STREAM_CHAT_AUDIT,
    ...fields,
    gdprCompliant: true,
    timestamp: new Date(ms).toISOString(),
    service: 'nuzantara-backend',
  };
  return `${linePrefix(ms, 'app', slot, 'info')} ${JSON.stringify(body)}\n`;
}

/** The `[AUDIT]` line the backend writes when a stream opens. */
export function auditOpen(ms: number, conn: string, slot = 0): string {
  return streamAudit(ms, slot, { metadata: { connectionId: conn, queryHash: 'e3b0c44298fc1c14', queryLength: 23 } });
}

/** The `[AUDIT]` line the backend writes when a stream closes, with its first-token latency and duration. */
export function auditClose(ms: number, conn: string, firstTokenMs: number, durationMs: number, slot = 0): string {
  return streamAudit(ms, slot, {
    duration: durationMs,
    metadata: { connectionId: conn, firstTokenLatency: firstTokenMs, tokensReceived: 212, duration: durationMs },
  });
}

/** A plain-text `[Stream] Backend error:` line: its text is whatever the backend put there. */
export function streamBackendError(ms: number, text: string, slot = 0): string {
  return `${linePrefix(ms, 'app', slot, 'error')} [Stream] Backend error: ${text}\n`;
}

/**
 * A proxy error from the HTTP log API: flyctl prints the request's fields right after the level, dimmed, in its
 * own order (error.code, request.method, request.url, request.id, response.status), then the message.
 */
export function proxyErrorWithUrl(ms: number, url: string, slot = 0): string {
  const field = (name: string, value: string): string => `${ESC}[2m${name}=${ESC}[0m${value} `;
  return (
    `${linePrefix(ms, 'proxy', slot, 'error')}${field('error.code', '502')}${field('request.method', '"GET"')}${field('request.url', `"${url}"`)}` +
    `${field('request.id', '"01HZX3K5W8Q2"')}${field('response.status', '502')}[PM05] failed to connect to machine: gave up after 15 attempts (in 8.14s)\n`
  );
}

/**
 * Line `i` of a realistic mix for load: every eight lines are one connection's life (its audit open, the
 * `[Stream]` line that leaks the query, the first token, its completion and its audit close) among a health
 * check, a request log line and a proxy error. Connections are named with `tag`, so that a measuring client can
 * tell its own marked lines apart.
 */
export function trafficLine(i: number, ms: number, tag = 'loadmixxx'): string {
  const life = Math.floor(i / 8);
  const conn = connectionId(1732190000000 + life, tag);
  const firstToken = 40 + (life % 90);
  const duration = 1000 + (life % 4000);
  switch (i % 8) {
    case 0:
      return auditOpen(ms, conn, life);
    case 1:
      return `${linePrefix(ms, 'app', life, 'info')} [Stream] Starting stream: ${conn}, query: "what visa do I need for a stay of ${life % 90} days..."\n`;
    case 2:
      return `${linePrefix(ms, 'app', life, 'info')}[Stream] First token latency: ${firstToken}ms for ${conn}\n`;
    case 3:
      return `${linePrefix(ms, 'health', i, 'info')} Health check 'servicecheck-00-http-8080' on port 8080 is now passing.\n`;
    case 4:
      return `${linePrefix(ms, 'app', i, 'info')} GET /api/v2/bali-zero/chat-stream - 10.0.${life % 250}.7\n`;
    case 5:
      return `${linePrefix(ms, 'proxy', i, 'error')}[PM05] failed to connect to machine: gave up after 15 attempts (in 8.14s)\n`;
    case 6:
      return `${linePrefix(ms, 'app', life, 'info')}[Stream] Stream complete: ${conn}, tokens: ${life % 300}, latency: ${duration}ms\n`;
    default:
      return auditClose(ms, conn, firstToken, duration, life);
  }
}
