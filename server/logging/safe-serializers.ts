/**
 * What the service's own logs may say about a request or an error. A log line of ours must never hold input
 * text: no query string (`?q=` and `?token=` included), no headers, and never an error's message, which
 * JSON.parse and URL errors fill with the text they failed on.
 */
export function pathOnly(url: unknown): string {
  if (typeof url !== 'string') return '';
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}

export function requestForLog(req: { method?: unknown; url?: unknown }): { method: string; path: string } {
  return { method: typeof req.method === 'string' ? req.method : '', path: pathOnly(req.url) };
}

export function replyForLog(reply: { statusCode?: unknown }): { statusCode: number | null } {
  return { statusCode: typeof reply.statusCode === 'number' ? reply.statusCode : null };
}

export interface ErrorForLog {
  type: string;
  code?: string;
  /** JSON parse errors: where in the input, never what. */
  position?: number;
  /** Stack frames without the first line (which repeats the message). */
  frames?: string[];
}

export function errorForLog(err: unknown): ErrorForLog {
  if (typeof err !== 'object' || err === null) return { type: typeof err };
  const e = err as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown; constructor?: { name?: unknown } };
  const out: ErrorForLog = { type: typeof e.name === 'string' ? e.name : typeof e.constructor?.name === 'string' ? e.constructor.name : 'Error' };
  if (typeof e.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(e.code)) out.code = e.code;
  if (typeof e.message === 'string') {
    const m = /position (\d+)/.exec(e.message);
    if (m) out.position = Number(m[1]);
  }
  if (typeof e.stack === 'string') {
    out.frames = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 8)
      .map((l) => l.trim());
  }
  return out;
}

/** Header values that are credentials, wherever a logged object carries them. */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  'password',
];
