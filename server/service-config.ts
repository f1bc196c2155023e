import { dirname, join, resolve } from 'node:path';
import type { SourceSpec } from '../ingest/live/live-ingest-handle.ts';
import type { StoreKind } from '../core/store/store.ts';
import { assertSafeBind } from './security/bind-policy.ts';
import {
  DEFAULT_DB_PATH,
  DEFAULT_HOST,
  DEFAULT_NATS_URL,
  DEFAULT_PORT,
  DEFAULT_RETENTION_DAYS,
  DEMO_DB_NAME,
  DEMO_RATE_PER_SECOND,
  MIN_TOKEN_LENGTH,
} from './service-defaults.ts';

/** What `start` was given on its command line; the environment fills the rest. */
export interface StartFlags {
  app?: string;
  source?: string;
  db?: string;
  port?: string;
  host?: string;
  flyBin?: string;
  retentionDays?: string;
}

export interface ServiceConfig {
  host: string;
  port: number;
  token: string | null;
  webhookUrl: string | null;
  dbPath: string;
  storeKind: StoreKind;
  /** Simulated traffic in the demo database. */
  demo: boolean;
  source: SourceSpec;
  retentionDays: number;
  /**
   * Proxies in front whose X-Forwarded-For is believed, counted from this service outwards: 1 on Fly (its edge
   * proxy), so that rate limits count clients, not the proxy. 0 trusts no header: a client could claim any address.
   */
  trustedProxies: number;
}

/** A setting that cannot work; the message says which and what to do. The CLI exits 2 with it. */
export class ServiceConfigError extends Error {}

/**
 * Flags win over the environment (spec/interfaces.md). Never FLY_APP_NAME: on Fly that names the analyzer's own
 * app, not the one it watches.
 */
export function resolveServiceConfig(flags: StartFlags, env: NodeJS.ProcessEnv, cwd: string, nowMs: number): ServiceConfig {
  const setting = (flag: string | undefined, name: string): string | undefined => {
    const v = flag ?? env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const app = setting(flags.app, 'FLIGHT_RECORDER_APP');
  const sourceText = setting(flags.source, 'FLIGHT_RECORDER_SOURCE') ?? (app === undefined ? 'simulate' : 'fly');
  const source = sourceOf(sourceText, app, flags, env, cwd, nowMs);
  const demo = source.kind === 'simulate';
  const realDb = resolve(cwd, setting(undefined, 'FLIGHT_RECORDER_DB') ?? DEFAULT_DB_PATH);
  // Simulated traffic never goes where real data lives: its own file beside the real one, unless --db says.
  const dbPath = flags.db !== undefined ? resolve(cwd, flags.db) : demo ? join(dirname(realDb), DEMO_DB_NAME) : realDb;

  const token = setting(undefined, 'FLIGHT_RECORDER_TOKEN') ?? null;
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new ServiceConfigError(`FLIGHT_RECORDER_TOKEN is too short: use at least ${MIN_TOKEN_LENGTH} random characters (openssl rand -hex 32)`);
  }
  const host = setting(flags.host, 'FLIGHT_RECORDER_HOST') ?? DEFAULT_HOST;
  const port = integerSetting(setting(flags.port, 'PORT'), DEFAULT_PORT, 0, 65535, '--port (or PORT)');
  const retentionDays = integerSetting(setting(flags.retentionDays, 'FLIGHT_RECORDER_RETENTION_DAYS'), DEFAULT_RETENTION_DAYS, 1, 36_500, '--retention-days (or FLIGHT_RECORDER_RETENTION_DAYS)');
  const webhookUrl = webhookSetting(setting(undefined, 'FLIGHT_RECORDER_WEBHOOK'));
  const trustedProxies = integerSetting(setting(undefined, 'FLIGHT_RECORDER_TRUSTED_PROXIES'), 0, 0, 10, 'FLIGHT_RECORDER_TRUSTED_PROXIES');
  try {
    assertSafeBind(host, token);
  } catch (err) {
    throw new ServiceConfigError((err as Error).message);
  }
  return { host, port, token, webhookUrl, dbPath, storeKind: demo ? 'demo' : 'real', demo, source, retentionDays, trustedProxies };
}

function sourceOf(text: string, app: string | undefined, flags: StartFlags, env: NodeJS.ProcessEnv, cwd: string, nowMs: number): SourceSpec {
  const needApp = (kind: string): string => {
    if (app === undefined) throw new ServiceConfigError(`the ${kind} source needs the app to follow: --app APP (or FLIGHT_RECORDER_APP)`);
    return app;
  };
  if (text === 'simulate') return { kind: 'simulate', rate: DEMO_RATE_PER_SECOND, seed: nowMs % 2_147_483_647 };
  if (text === 'fly') return { kind: 'fly', app: needApp('fly'), ...(flags.flyBin !== undefined ? { flyBin: resolve(cwd, flags.flyBin) } : {}) };
  if (text === 'nats') {
    const user = env['FLIGHT_RECORDER_NATS_USER'];
    const password = env['FLIGHT_RECORDER_NATS_PASSWORD'];
    if (user === undefined || user === '' || password === undefined || password === '') {
      throw new ServiceConfigError('the nats source needs FLIGHT_RECORDER_NATS_USER (your Fly org slug) and FLIGHT_RECORDER_NATS_PASSWORD (a read-only Fly token)');
    }
    return { kind: 'nats', app: needApp('nats'), url: env['FLIGHT_RECORDER_NATS_URL'] ?? DEFAULT_NATS_URL, user, password };
  }
  if (text.startsWith('file:') && text.length > 5) return { kind: 'file', path: resolve(cwd, text.slice(5)) };
  throw new ServiceConfigError('--source must be fly, nats, file:PATH or simulate');
}

function integerSetting(text: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ServiceConfigError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The webhook address is a secret (Slack's are): checked, never repeated in a message. */
function webhookSetting(text: string | undefined): string | null {
  if (text === undefined) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ServiceConfigError('FLIGHT_RECORDER_WEBHOOK is not a URL: give the https address of a Slack-compatible incoming webhook');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ServiceConfigError('FLIGHT_RECORDER_WEBHOOK must be an http(s) address');
  return url.toString();
}

/** The address to print: a wildcard bind is reached through a name of this machine. */
export function serviceUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
