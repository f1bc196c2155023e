import type { RuleId } from '../../core/findings/finding.ts';
import type { Query } from './queries.ts';

export const CHAT_STREAM_PATH = '/api/v2/bali-zero/chat-stream';

/** How a client spells spaces and symbols: a browser's URLSearchParams, curl's --data-urlencode, or not at all. */
export type UrlStyle = 'form' | 'percent' | 'raw';

const HEXDIGITS = '0123456789ABCDEF';

function encodeBytes(value: string, keep: (c: number) => boolean, space: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    if (byte === 32) out += space;
    else if (keep(byte)) out += String.fromCharCode(byte);
    else out += '%' + HEXDIGITS[byte >> 4] + HEXDIGITS[byte & 15];
  }
  return out;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const encoded = new Map<string, string>();

export function encodeParam(value: string, style: UrlStyle): string {
  if (style === 'raw') return value;
  const key = style + value;
  const hit = encoded.get(key);
  if (hit !== undefined) return hit;
  const out = encodeUncached(value, style);
  if (encoded.size < 10_000) encoded.set(key, out);
  return out;
}

function encodeUncached(value: string, style: 'form' | 'percent'): string {
  if (style === 'form') return encodeBytes(value, (c) => isAlnum(c) || c === 42 || c === 45 || c === 46 || c === 95, '+');
  return encodeBytes(value, (c) => isAlnum(c) || c === 45 || c === 46 || c === 95 || c === 126, '%20');
}

export interface ChatRequest {
  query: Query | null;
  userEmail: string | null;
  history: ReadonlyArray<{ role: string; content: string }> | null;
}

/** A URL as the request logger prints it, and what it gives away when printed. */
export interface LoggedUrl {
  url: string;
  rules: RuleId[];
  /** Values now readable in clear (for linkable-hash: a later queryHash of one of them is reversible). */
  leaked: string[];
}

/**
 * The chat-stream URL of a GET request. With leaks off the backend logs the path only, as it should.
 */
export function chatStreamUrl(req: ChatRequest, style: UrlStyle, leaks: boolean): LoggedUrl {
  if (!leaks) return { url: CHAT_STREAM_PATH, rules: [], leaked: [] };
  const params: string[] = [];
  const rules = new Set<RuleId>();
  const leaked: string[] = [];
  if (req.query !== null) {
    params.push('query=' + encodeParam(req.query.text, style));
    if (req.query.text !== '') {
      rules.add('plaintext-query');
      leaked.push(req.query.text);
      for (const r of req.query.pii) rules.add(r);
    }
  }
  if (req.userEmail !== null) {
    params.push('user_email=' + encodeParam(req.userEmail, style === 'raw' ? 'percent' : style));
    rules.add('email');
  }
  if (req.history !== null) {
    params.push('conversation_history=' + encodeParam(JSON.stringify(req.history), style === 'raw' ? 'percent' : style));
    rules.add('plaintext-query');
    for (const m of req.history) leaked.push(m.content);
  }
  return { url: params.length === 0 ? CHAT_STREAM_PATH : `${CHAT_STREAM_PATH}?${params.join('&')}`, rules: [...rules], leaked };
}
