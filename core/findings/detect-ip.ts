/**
 * Public IP addresses in decoded text. Not public (never flagged): unspecified, loopback, private, shared
 * (CGNAT), link-local, multicast/reserved, unique-local IPv6 (which holds Fly's private `fdaa::/16` network).
 * Documentation ranges are flagged: test data uses them to stand for real public addresses.
 */

const IPV4 = /(?<![0-9A-Za-z_.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![0-9A-Za-z_]|\.\d)/g;
// Starts only where a run of hex/colon/dot characters starts, so a long run is read once.
const IPV6 = /(?<![0-9A-Za-z_.:])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*/g;

/**
 * The value of the octet written in text[start, end) (1–3 digits), or -1 when it is no octet of an address.
 */
function octet(text: string, start: number, end: number): number {
  if (end - start > 1 && text.charCodeAt(start) === 48) return -1; // leading zero: a version or a date, not an address
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + (text.charCodeAt(i) - 48);
  return v > 255 ? -1 : v;
}

/** Where the run of digits that ends at `end` starts. */
function digitsBefore(text: string, end: number): number {
  let p = end;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (c < 48 || c > 57) break;
    p--;
  }
  return p;
}

export function isPublicIpv4(o: readonly number[]): boolean {
  return isPublicIpv4Start(o[0] ?? 0, o[1] ?? 0);
}

/** isPublicIpv4 by the two octets that decide it. */
function isPublicIpv4Start(a: number, b: number): boolean {
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

/**
 * Appends the span of every public IPv4 address to `out`. Each match is read back from its end, not captured:
 * its four groups are whole runs of digits (the look-behind, the dots and the look-ahead bound them), and most
 * lines with an address are the request logs, which all hold one.
 */
export function findPublicIpv4(text: string, out: number[]): void {
  const re = IPV4;
  re.lastIndex = 0;
  while (re.test(text)) {
    const end = re.lastIndex;
    const s4 = digitsBefore(text, end);
    const s3 = digitsBefore(text, s4 - 1);
    const s2 = digitsBefore(text, s3 - 1);
    const s1 = digitsBefore(text, s2 - 1);
    const a = octet(text, s1, s2 - 1);
    const b = octet(text, s2, s3 - 1);
    if (a < 0 || b < 0 || octet(text, s3, s4 - 1) < 0 || octet(text, s4, end) < 0 || !isPublicIpv4Start(a, b)) continue;
    out.push(s1, end);
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
