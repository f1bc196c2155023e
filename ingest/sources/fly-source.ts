import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { SourceStatus } from '../../core/api.ts';
import { Backoff } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { findExecutable } from './find-executable.ts';
import { formatSeconds } from './format-seconds.ts';
import { SourceStatusKeeper } from './source-status.ts';
import type { LiveSource, SourcePosition, SourceSink } from './source.ts';
import type { SourceLog } from './source-log.ts';

export interface FlySourceOptions {
  app: string;
  /** An explicit `fly`/`flyctl` binary; else the first of `fly`, `flyctl` on PATH. */
  flyBin?: string;
  /** Only when the user asked for one: `fly logs` is otherwise told nothing, and sees every region. */
  region?: string;
  /** The environment the child starts from (FLY_API_TOKEN, PATH, …); FLY_REGION is always taken out. */
  env?: NodeJS.ProcessEnv;
  /** Silence longer than this restarts the child: `fly logs` can hang on a dead connection without exiting. */
  stallTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** A child that ran this long was healthy: the next restart waits the initial time again. */
  healthyAfterMs?: number;
  /** How long a child asked to stop may take before it is killed. */
  killGraceMs?: number;
  now?: () => number;
  log?: SourceLog;
}

export const DEFAULT_STALL_TIMEOUT_MS = 120_000;
const NOT_FOUND = 'fly not found on PATH: install flyctl or pass --fly-bin';

/**
 * Follows `fly logs -a APP` as a child process, restarting it when it exits or goes silent. Every child starts by
 * replaying recent history; the sink is told of each start so that the identity rule (a fresh run per child)
 * drops what is already stored. What flyctl writes on stderr is its own business: counted, never repeated.
 */
export class FlySource implements LiveSource {
  readonly kind = 'fly';
  readonly target: string;
  readonly replay = 'history' as const;
  private readonly keeper: SourceStatusKeeper;
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private sink: SourceSink | null = null;
  private child: ChildProcess | null = null;
  private childClosed: Promise<void> = Promise.resolve();
  private restartTimer: NodeJS.Timeout | null = null;
  private stallTimer: NodeJS.Timeout | null = null;
  private stallHandler: (() => void) | null = null;
  private stopping = false;
  private paused = false;
  private started = 0;

  constructor(private readonly options: FlySourceOptions) {
    this.target = options.app;
    this.keeper = new SourceStatusKeeper('fly', options.app);
    this.backoff = new Backoff(options.backoff);
    this.now = options.now ?? Date.now;
  }

  start(sink: SourceSink, _resumeFrom: SourcePosition | null): void {
    this.sink = sink;
    this.keeper.listen((s) => sink.status(s));
    this.spawnChild();
  }

  status(): SourceStatus {
    return this.keeper.get();
  }

  pause(): void {
    this.paused = true;
    this.child?.stdout?.pause();
    // Not reading is not the child's silence.
    this.clearStallTimer();
  }

  resume(): void {
    this.paused = false;
    if (this.child?.stdout) {
      this.child.stdout.resume();
      this.armStallTimer();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.clearStallTimer();
    const child = this.child;
    if (child !== null) {
      child.kill('SIGTERM');
      const grace = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs ?? 2000);
      await this.childClosed;
      clearTimeout(grace);
    }
    this.keeper.set('stopped', null);
  }

  private spawnChild(): void {
    if (this.stopping || this.sink === null) return;
    const sink = this.sink;
    const env = this.options.env ?? process.env;
    const bin = this.options.flyBin ?? findExecutable(['fly', 'flyctl'], env['PATH']);
    if (bin === null) {
      this.scheduleRestart(NOT_FOUND, 'down', 0);
      return;
    }
    const childEnv: NodeJS.ProcessEnv = { ...env };
    // On a Fly machine FLY_REGION is set, and `fly logs` would silently show that region only.
    delete childEnv['FLY_REGION'];
    const args = ['logs', '-a', this.options.app];
    if (this.options.region !== undefined && this.options.region !== '') args.push('--region', this.options.region);

    const startedAt = this.now();
    const first = this.started === 0;
    this.started++;
    sink.restart({ reason: first ? 'fly logs started' : (this.keeper.get().reason ?? 'fly logs restarted'), position: null });
    this.keeper.set('starting');

    let child: ChildProcess;
    try {
      child = spawn(bin, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      this.scheduleRestart(spawnFailure(err, this.options.flyBin), 'down', startedAt);
      return;
    }
    this.child = child;
    let stderrLines = 0;
    let stalled = false;
    let failure: string | null = null;
    let resolveClosed!: () => void;
    this.childClosed = new Promise((resolve) => (resolveClosed = resolve));

    this.stallHandler = () => {
      stalled = true;
      this.killChild(child);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      if (this.child !== child) return;
      this.armStallTimer();
      this.keeper.set('running');
      sink.data(chunk, () => null);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) stderrLines++;
    });
    child.on('error', (err) => {
      failure ??= spawnFailure(err, this.options.flyBin);
    });
    child.on('close', (code, signal) => {
      resolveClosed();
      if (this.child !== child) return;
      this.child = null;
      this.clearStallTimer();
      if (this.stopping) return;
      const why =
        failure ??
        (stalled
          ? this.stallReason()
          : code !== null
            ? `fly logs exited with code ${code}`
            : `fly logs was killed by ${signal ?? 'a signal'}`);
      const reason = stderrLines > 0 && failure === null ? `${why} (${stderrLines} lines on stderr)` : why;
      this.options.log?.('warn', 'the fly logs child ended', {
        reason: why, code, signal, stderrLines, ranMs: this.now() - startedAt,
      });
      this.scheduleRestart(reason, failure === null ? 'restarting' : 'down', startedAt);
    });
    this.armStallTimer();
  }

  private scheduleRestart(reason: string, state: 'restarting' | 'down', startedAt: number): void {
    if (this.stopping) return;
    if (startedAt > 0 && this.now() - startedAt >= (this.options.healthyAfterMs ?? 30_000)) this.backoff.reset();
    const delay = this.backoff.next();
    this.keeper.set(state, reason);
    this.options.log?.('info', 'restarting the fly logs child', { reason, delayMs: delay });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.keeper.restarted(this.now());
      this.spawnChild();
    }, delay);
  }

  private armStallTimer(): void {
    this.clearStallTimer();
    const handler = this.stallHandler;
    if (this.paused || handler === null || this.child === null) return;
    this.stallTimer = setTimeout(handler, this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  }

  private stallReason(): string {
    return `fly logs printed nothing for ${formatSeconds(this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS)}`;
  }

  private clearStallTimer(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private killChild(child: ChildProcess): void {
    this.keeper.set('stalled', this.stallReason());
    child.kill('SIGTERM');
    const grace = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs ?? 2000);
    child.once('close', () => clearTimeout(grace));
  }
}

function spawnFailure(err: unknown, explicitBin: string | undefined): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return explicitBin === undefined ? NOT_FOUND : 'the --fly-bin file does not exist: check the path';
  if (code === 'EACCES') return 'fly could not be started: permission denied (is it executable?)';
  return `fly could not be started (${typeof code === 'string' ? code : 'unknown error'})`;
}
