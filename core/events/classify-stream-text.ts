import type { Signal } from './signal.ts';

/**
 * The text after `[Stream] ` of the backend's stream-service lines (spec/log-formats.md § Stream service lines).
 * `Backend stream completed` repeats what `Stream complete` says and is not an event of its own.
 */
export function classifyStreamText(text: string): Signal | null {
  if (text.startsWith('Starting stream: ')) {
    const id = connectionIdAt(text, 17);
    return id === null ? null : { kind: 'open', via: 'text', connectionId: id, queryHash: null, userId: null };
  }
  if (text.startsWith('First token latency: ')) {
    const m = /^First token latency: (\d+(?:\.\d+)?)ms for (\S+)/.exec(text);
    return m ? { kind: 'first-token', connectionId: m[2] as string, ms: Number(m[1]) } : null;
  }
  if (text.startsWith('Stream complete: ')) {
    const id = connectionIdAt(text, 17);
    if (id === null) return null;
    const tokens = /tokens: (\d+)/.exec(text);
    const latency = /latency: (\d+(?:\.\d+)?)ms/.exec(text);
    return {
      kind: 'close',
      via: 'complete',
      connectionId: id,
      // The "latency" of this line is the stream's duration, not a latency (spec/metrics.md).
      durationMs: latency ? Number(latency[1]) : null,
      firstTokenMs: null,
      tokens: tokens ? Number(tokens[1]) : null,
    };
  }
  if (text.startsWith('Client disconnected: ')) return closeOf(text, 21, 'disconnect');
  if (text.startsWith('Cleaning up stale connection: ')) return closeOf(text, 30, 'stale');
  if (text.startsWith('Backend error')) return { kind: 'stream-error' };
  return null;
}

function closeOf(text: string, at: number, via: 'disconnect' | 'stale'): Signal | null {
  const id = connectionIdAt(text, at);
  return id === null ? null : { kind: 'close', via, connectionId: id, durationMs: null, firstTokenMs: null, tokens: null };
}

/** A connection id runs to the next comma or white space. */
function connectionIdAt(text: string, at: number): string | null {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 44 /* , */ || c === 32 || c === 10 || c === 9 || c === 13 || c === 34 /* " */) break;
    end++;
  }
  return end > at ? text.slice(at, end) : null;
}
