/**
 * Public IP addresses in decoded text. Not public (never flagged): unspecified, loopback, private, shared
 * (CGNAT), link-local, multicast/reserved, unique-local IPv6 (which holds Fly's private `fdaa::/16` network).
 * Documentation ranges are flagged: test data uses them to stand for real public addresses.
 */

const IPV4 = /(?<![0-9A-Za-z_.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![0-9A-Za-z_]|\.\d)/g;
// Starts only where a run of hex/colon/dot characters starts, so a long run is read once.
const IPV6 = /(?<![0-9A-Za-z_.:])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*/g;

function octets(m: RegExpExecArray): number[] | null {
  const out: number[] = [];
  for (let k = 1; k <= 4; k++) {
    const s = m[k] as string;
    if (s.length > 1 && s.charCodeAt(0) === 48) return null; // leading zero: a version or a date, not an address
    const v = Number(s);
    if (v > 255) return null;
    out.push(v);
  }
  return out;
}

export function isPublicIpv4(o: readonly number[]): boolean {
  const [a = 0, b = 0] = o;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  return true;
}

/** The eight 16-bit groups of an IPv6 address, or null when `s` is not one. */
export function parseIpv6(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k] as string;
      if (k === pieces.length - 1 && p.includes('.')) {
        const o = p.split('.');
        if (o.length !== 4 || o.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255)) return null;
        const [a, b, c, d] = o.map(Number) as [number, number, number, number];
        out.push(a * 256 + b, c * 256 + d);
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(p)) return null;
      out.push(parseInt(p, 16));
    }
    return out;
  };
  const head = parse(halves[0] as string);
  if (head === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const tail = parse(halves[1] as string);
  if (tail === null || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

export function isPublicIpv6(g: readonly number[]): boolean {
  const first = g[0] ?? 0;
  if (g.every((x) => x === 0)) return false; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return false; // ::1
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local, Fly's fdaa::/16 included
  if ((first & 0xffc0) === 0xfe80) return false; // link-local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible: judge the IPv4 address
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    return isPublicIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  return true;
}

/** Appends the span of every public IPv4 address to `out`. */
export function findPublicIpv4(text: string, out: number[]): void {
  const re = IPV4;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const o = octets(m);
    if (o !== null && isPublicIpv4(o)) out.push(m.index, m.index + m[0].length);
  }
}

/** Appends the span of every public IPv6 address (`[addr]:port` included) to `out`. */
export function findPublicIpv6(text: string, out: number[]): void {
  const re = IPV6;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (re.lastIndex === m.index) re.lastIndex++;
    const raw = m[0];
    // A trailing `:` (a port or a sentence) or `.` (a sentence) is not part of the address.
    let end = raw.length;
    for (;;) {
      const c = raw.charCodeAt(end - 1);
      if (c === 46 || (c === 58 && raw.charCodeAt(end - 2) !== 58)) end--;
      else break;
    }
    if (end > 45 || end < 2) continue;
    const groups = parseIpv6(raw.slice(0, end));
    if (groups !== null && isPublicIpv6(groups)) out.push(m.index, m.index + end);
  }
}
