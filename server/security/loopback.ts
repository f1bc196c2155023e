import { isIP } from 'node:net';

/** True for a name or address that only this machine can reach: `localhost`, `127.x.x.x`, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/** The host part of a `Host` header (`[::1]:8080` → `::1`, `localhost:8080` → `localhost`); null when malformed. */
export function hostnameOfHeader(header: string | undefined): string | null {
  if (header === undefined) return null;
  const v = header.trim();
  if (v === '' || v.length > 255) return null;
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    if (close < 0) return null;
    const rest = v.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return v.slice(1, close);
  }
  const m = /^([^:]+)(?::\d{1,5})?$/.exec(v);
  return m ? (m[1] as string) : null;
}
