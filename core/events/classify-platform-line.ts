import type { Signal } from './signal.ts';

const PROXY_CODE = /^\[([A-Z]{2}\d{2})\]/;

/** runner, proxy and health lines (spec/log-formats.md § 3): deploys and restarts, proxy errors, health checks. */
export function classifyPlatformLine(provider: string, m: string): Signal | null {
  switch (provider) {
    case 'runner':
      if (m.startsWith('Machine started')) return { kind: 'platform', type: 'platform.machine-start', code: null };
      if (/^(machine exited|Main child exited)/i.test(m)) return { kind: 'platform', type: 'platform.machine-exit', code: null };
      return null;
    case 'proxy': {
      const code = PROXY_CODE.exec(m);
      return code ? { kind: 'platform', type: 'platform.proxy-error', code: code[1] as string } : null;
    }
    case 'health':
      if (m.includes('is now passing')) return { kind: 'platform', type: 'platform.health-pass', code: null };
      if (m.includes('has failed')) return { kind: 'platform', type: 'platform.health-fail', code: null };
      return null;
    default:
      return null;
  }
}
