import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'flight_recorder_session';
/** A working day: the page asks for the token again the next morning. */
export const SESSION_TTL_MS = 12 * 3_600_000;

/**
 * Session cookies: a random id and an expiry, signed with a key derived from the token. The cookie never holds
 * the token; rotating the token ends every session; nothing is kept server-side, so a restart keeps sessions.
 */
export class SessionSigner {
  private readonly key: Buffer;

  constructor(token: string) {
    this.key = createHmac('sha256', token).update('flight-recorder session key v1').digest();
  }

  issue(nowMs: number): string {
    const body = `${randomBytes(18).toString('base64url')}.${(nowMs + SESSION_TTL_MS).toString(36)}`;
    return `${body}.${this.sign(body)}`;
  }

  verify(value: string, nowMs: number): boolean {
    const m = /^([A-Za-z0-9_-]{24})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (!m) return false;
    const body = `${m[1]}.${m[2]}`;
    const expected = Buffer.from(this.sign(body), 'utf8');
    const given = Buffer.from(m[3] as string, 'utf8');
    if (!timingSafeEqual(expected, given)) return false;
    return parseInt(m[2] as string, 36) > nowMs;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** One cookie's value from a `Cookie` header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function sessionCookieHeader(value: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}
