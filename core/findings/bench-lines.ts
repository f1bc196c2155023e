import type { LogEntry } from '../entry.ts';

/**
 * Typical staging traffic for the scanner's benchmark: the backend's audit and stream lines, request logs,
 * platform lines; about one line in eight holds a leak, as on the staging app the test plan drives.
 * Deterministic (a seeded generator), so runs compare.
 */
export function benchEntry(message: string, url?: string): LogEntry {
  return {
    time: '2026-11-20T09:14:03Z', timeMs: 0, precision: 'second', instance: '4d895d5ec41638', provider: 'app',
    region: 'sin', level: 'info', message, format: 'plain', unparsed: false, lines: 1, ...(url === undefined ? {} : { http: { url } }),
  };
}

// A small seeded generator: the same lines every run.
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random() * 16)];
  return s;
}
function connectionId(): string {
  return `conn_${1732190000000 + Math.floor(random() * 1e9)}_${hex(9)}`;
}
function stamp(): string {
  return `2026-11-20T09:${String(Math.floor(random() * 60)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}.${String(Math.floor(random() * 1000)).padStart(3, '0')}Z`;
}
const winston = (message: string, extra = ''): string =>
  `{"level":"info","message":${JSON.stringify(message)}${extra},"timestamp":"${stamp()}","service":"nuzantara-backend"}`;

const QUERIES = ['Hello', 'What is ZANTARA?', 'Tell me more', 'What documents do I need for B211A visa?', 'How long can I stay on a B211A?'];

/** One typical line; about one in eight holds a leak (the stream service's plaintext query, a request URL). */
export function typicalEntry(): LogEntry {
  const r = random();
  const id = connectionId();
  if (r < 0.14) {
    return benchEntry(winston('[AUDIT]', `,"operation":"stream.chat","userEmail":"[REDACTED]","ipAddress":"[REDACTED]","endpoint":"/chat-stream","method":"GET","success":true,"metadata":{"connectionId":"${id}","queryHash":"${hex(16)}","queryLength":${Math.floor(random() * 80)}},"gdprCompliant":true`));
  }
  if (r < 0.28) {
    return benchEntry(winston('[AUDIT]', `,"operation":"stream.chat","userEmail":"[REDACTED]","ipAddress":"[REDACTED]","endpoint":"/chat-stream","method":"GET","success":true,"duration":${Math.floor(random() * 9000)},"metadata":{"connectionId":"${id}","firstTokenLatency":${Math.floor(random() * 200)},"tokensReceived":${Math.floor(random() * 400)},"duration":${Math.floor(random() * 9000)}},"gdprCompliant":true`));
  }
  if (r < 0.40) return benchEntry(winston(`[Stream] First token latency: ${Math.floor(random() * 200)}ms for ${id}`));
  if (r < 0.52) return benchEntry(winston(`[Stream] Stream complete: ${id}, tokens: ${Math.floor(random() * 400)}, latency: ${Math.floor(random() * 9000)}ms`));
  if (r < 0.62) return benchEntry(winston(`[Stream] Backend stream completed: ${id}`));
  if (r < 0.68) return benchEntry(winston(`[Stream] Client disconnected: ${id}`));
  if (r < 0.78) return benchEntry(winston(`GET /api/v2/bali-zero/chat-stream - ${pick(['172.16.4.18', '10.0.3.7', 'fdaa:0:1:a7b:1f2:5:c4d1:2'])}`));
  if (r < 0.88) {
    return benchEntry(pick([
      'Pulling container image registry.fly.io/nuzantara-backend:deployment-01JD8W3Z5V',
      'Machine started in 1.397s',
      'machine exited with exit code 0, not restarting',
      "Health check 'servicecheck-00-http-8080' on port 8080 is now passing.",
      '[PC01] instance refused connection. is your app listening on 0.0.0.0:8080?',
      'Query cache warmed in 84ms (312 entries)',
    ]));
  }
  if (r < 0.90) return benchEntry('🚨 Rate limit exceeded for user:ratelimit-test on /chat-stream');
  if (r < 0.935) return benchEntry(winston(`[Stream] Starting stream: ${id}, query: "${pick(QUERIES)}..."`));
  if (r < 0.97) return benchEntry(winston(`Request started: GET /api/v2/bali-zero/chat-stream?query=${encodeURIComponent(pick(QUERIES))}`));
  return { ...benchEntry('', `/api/v2/bali-zero/chat-stream?query=${pick(QUERIES)}`), provider: 'proxy' };
}

