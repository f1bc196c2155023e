import { resolve } from 'node:path';
import type { StoreKind } from '../../core/store/store.ts';
import type { FormatChoice } from '../read-entries.ts';
import { FileSource } from '../sources/file-source.ts';
import { FlySource } from '../sources/fly-source.ts';
import { NatsSource } from '../sources/nats-source.ts';
import { SimulatedSource } from '../sources/simulated-source.ts';
import type { LiveSource } from '../sources/source.ts';
import type { SourceLog } from '../sources/source-log.ts';
import type { SourceSpec } from './live-ingest-handle.ts';

/** Source timings; tests shorten them. */
export interface SourceTiming {
  /** `fly logs` silent this long is restarted. */
  stallTimeoutMs?: number;
  /** Restarts of the `fly` child and NATS reconnects (plain numbers: this crosses into the worker). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** A `fly logs` child that ran this long was healthy: its next restart waits the initial time again. */
  healthyAfterMs?: number;
  killGraceMs?: number;
  /** How often a followed file is checked besides change notifications. */
  pollMs?: number;
  minGapMs?: number;
}

export interface SourcePlan {
  source: LiveSource;
  /** Names the source's checkpoint in the store. */
  sourceKey: string;
  /** How its bytes are read: `fly logs` prints plain text, NATS compact objects, a file says so itself. */
  format: FormatChoice;
  /** Simulated traffic lives in its own database, never mixed with real data. */
  storeKind: StoreKind;
}

export function planSource(spec: SourceSpec, env: NodeJS.ProcessEnv, timing: SourceTiming = {}, log?: SourceLog): SourcePlan {
  const logOption = log === undefined ? {} : { log };
  switch (spec.kind) {
    case 'fly':
      return {
        source: new FlySource({
          app: spec.app,
          env,
          ...(spec.flyBin === undefined ? {} : { flyBin: spec.flyBin }),
          ...(spec.region === undefined ? {} : { region: spec.region }),
          ...(timing.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: timing.stallTimeoutMs }),
          ...(timing.backoff === undefined ? {} : { backoff: timing.backoff }),
          ...(timing.healthyAfterMs === undefined ? {} : { healthyAfterMs: timing.healthyAfterMs }),
          ...(timing.killGraceMs === undefined ? {} : { killGraceMs: timing.killGraceMs }),
          ...logOption,
        }),
        sourceKey: `fly:${spec.app}`,
        format: 'plain',
        storeKind: 'real',
      };
    case 'nats':
      return {
        source: new NatsSource({
          app: spec.app,
          url: spec.url,
          user: spec.user,
          password: spec.password,
          ...(timing.backoff === undefined ? {} : { backoff: timing.backoff }),
          ...(timing.minGapMs === undefined ? {} : { minGapMs: timing.minGapMs }),
          ...logOption,
        }),
        sourceKey: `nats:${spec.app}`,
        format: 'nats',
        storeKind: 'real',
      };
    case 'file': {
      const path = resolve(spec.path);
      return {
        source: new FileSource({ path, ...(timing.pollMs === undefined ? {} : { pollMs: timing.pollMs }), ...logOption }),
        sourceKey: `file:${path}`,
        format: spec.format ?? 'auto',
        storeKind: 'real',
      };
    }
    case 'simulate':
      return {
        source: new SimulatedSource({ rate: spec.rate, seed: spec.seed }),
        sourceKey: 'simulate',
        format: 'plain',
        storeKind: 'demo',
      };
  }
}
