import { BASE36, HEX, type Rng } from './prng.ts';

export type Region = 'sin' | 'sjc';
export type Client = 'web' | 'curl' | 'api';

/** Someone who talks to the chat stream: how the limiter keys them, what the audit trail knows of them. */
export interface User {
  /** The per-user limiter's key: `user:<x-user-id>`, `key:<12 chars of x-api-key>` or `anonymous`. */
  key: string;
  /** `userId` of the audit trail: set only for a signed-in user (req.user). */
  authId: string | null;
  /** A signed-in user's e-mail: the audit trail prints it in clear (leaks on). */
  email: string | null;
  /** `user_email` sent without signing in: the audit trail redacts it and says `gdprCompliant: false`. */
  emailParam: string | null;
  /** The client's address (public) and what the backend sees without `trust proxy` (Fly's private network). */
  publicIp: string;
  privateIp: string;
  region: Region;
  client: Client;
  userAgent: string;
}

const FIRST = ['made', 'wayan', 'ketut', 'nyoman', 'putu', 'komang', 'budi', 'siti', 'dewi', 'agus', 'sarah', 'james', 'lukas', 'emma', 'noah', 'mia', 'chen', 'yuki', 'olivia', 'liam'];
const LAST = ['wirawan', 'santoso', 'pratama', 'lestari', 'suryani', 'miller', 'schmidt', 'tanaka', 'dubois', 'rossi', 'nguyen', 'wijaya'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
// No user agent with a dotted four-part version (`Chrome/119.0.0.0` reads as an IP address).
const WEB_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Android 14; Mobile; rv:121.0) Firefox/121.0',
  'Mozilla/5.0 (Windows NT 10.0; rv:121.0) Firefox/121.0',
];
const CURL_AGENTS = ['curl/8.4.0', 'curl/7.88.1'];
const API_AGENTS = ['python-requests/2.31.0', 'axios/1.6.2', 'node-fetch/1.0'];
const ID_PREFIXES = [36, 39, 110, 114, 180, 182, 202];
const US_PREFIXES = [73, 24, 67, 98, 174];

export function publicIp(rng: Rng, region: Region): string {
  const a = rng.pick(region === 'sin' ? ID_PREFIXES : US_PREFIXES);
  return `${a}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
}

/** Fly's proxy reaches the app from 172.16.0.0/12: a private address, never a finding. */
export function privateIp(rng: Rng): string {
  return `172.16.${rng.int(0, 15)}.${rng.int(2, 254)}`;
}

function makeUser(rng: Rng): User {
  const region: Region = rng.chance(0.8) ? 'sin' : 'sjc';
  const r = rng.next();
  const client: Client = r < 0.7 ? 'web' : r < 0.85 ? 'curl' : 'api';
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const kind = rng.next();
  let key: string;
  if (client === 'api' && kind < 0.6) key = `key:zk_live_${rng.chars(HEX, 4)}`;
  else if (kind < 0.04) key = 'anonymous';
  else if (kind < 0.5) key = `user:u_${rng.chars(BASE36, 8)}`;
  else key = `user:${first}.${last}${rng.int(1, 99)}`;
  const signedIn = client === 'web' && rng.chance(0.12);
  const email = `${first}.${last}${rng.int(1, 999)}@${rng.pick(DOMAINS)}`;
  const sendsEmail = !signedIn && client !== 'web' && rng.chance(0.1);
  return {
    key,
    authId: signedIn ? `usr_${rng.chars(BASE36, 10)}` : null,
    email: signedIn ? email : null,
    emailParam: sendsEmail ? email : null,
    publicIp: publicIp(rng, region),
    privateIp: privateIp(rng),
    region,
    client,
    userAgent: rng.pick(client === 'web' ? WEB_AGENTS : client === 'curl' ? CURL_AGENTS : API_AGENTS),
  };
}

export function makeUsers(rng: Rng, n: number): User[] {
  return Array.from({ length: n }, () => makeUser(rng));
}

/** A test-plan client: its limiter key is the plan's own (`test-user-1`, `ratelimit-test`, …). */
export function testUser(id: string, ip: User['publicIp'], privateAddress: string): User {
  return { key: `user:${id}`, authId: null, email: null, emailParam: null, publicIp: ip, privateIp: privateAddress, region: 'sin', client: 'curl', userAgent: 'curl/8.4.0' };
}

/** A Fly machine id: 14 lowercase hex digits, with letters enough that no part reads as a number. */
export function machineId(rng: Rng): string {
  for (;;) {
    const id = rng.chars(HEX, 14);
    if (/[a-f]/.test(id[0] as string) && !/\d{5}/.test(id) && (id.match(/[a-f]/g) ?? []).length >= 5) return id;
  }
}

/** A request id as Fly's proxy prints it (a ULID: starts with digits, so no part of it reads as an IBAN). */
export function requestId(rng: Rng): string {
  return '01J' + rng.chars('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 23);
}
