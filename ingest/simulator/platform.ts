import { winston } from './backend-lines.ts';
import { CHAT_STREAM_PATH, chatStreamUrl } from './chat-url.ts';
import type { MachineState } from './engine.ts';
import { requestId } from './people.ts';
import { ordinaryQuery } from './queries.ts';
import type { HttpMeta, Leak } from './record.ts';
import type { World } from './world.ts';

const IMAGE = 'registry.fly.io/nuzantara-backend';
const PC01 = '[PC01] instance refused connection. is your app listening on 0.0.0.0:8080? make sure it is not only listening on 127.0.0.1 (hint: look at your startup logs, servers often print the address they are listening on)';
const PM05 = 'failed to connect to machine: gave up after 15 attempts (in 8.14s)';
const PR04 = '[PR04] could not find a good candidate within 21 attempts at load balancing';
const HEALTH_FAIL = "Health check 'servicecheck-00-http-8080' on port 8080 has failed. Your app is not responding properly. Services exposed on ports [80, 443] will have intermittent failures until the health check passes.";
const HEALTH_PASS = "Health check 'servicecheck-00-http-8080' on port 8080 is now passing.";

/** The lines a fresh process writes while it boots; after them the machine serves again. */
function boot(world: World, m: MachineState, t: number, startedIn: string): number {
  const { engine } = world;
  engine.platform('runner', m, t, 'info', 'Configuring firecracker');
  engine.platform('runner', m, t + 1_400, 'info', `Machine started in ${startedIn}s`, { fact: { k: 'machine-start' } });
  engine.app(m, t + 1_500, 'INFO Preparing to run: `node dist/index.js` as root');
  engine.app(m, t + 1_550, 'INFO [fly api proxy] listening at /.fly/api');
  const ready = t + 4_700;
  engine.app(m, ready - 200, winston('info', '✅ Audit trail service initialized', null, world.rng.chance(0.5)));
  engine.app(m, ready - 100, winston('info', '[SSE] Streaming enabled (ENABLE_SSE_STREAMING=true)', null, world.rng.chance(0.5)));
  engine.app(m, ready, winston('info', '🚀 ZANTARA backend listening on port 8080 (production)', null, world.rng.chance(0.5)));
  engine.at(ready, () => {
    m.up = true;
    m.sweepPhase = ready;
  });
  return ready;
}

/** The process stops on `m` at `t`: in-flight streams die without a close line. */
function stop(world: World, m: MachineState, t: number): void {
  const { engine } = world;
  engine.at(t, () => {
    m.up = false;
    engine.kill(m, t);
  });
  engine.app(m, t, 'INFO Sending signal SIGINT to main child process w/ PID 313');
  engine.app(m, t + 80, 'INFO Main child exited normally with code: 0');
  engine.app(m, t + 90, 'INFO Starting clean up.');
  engine.app(m, t + 100, 'WARN hallpass exited, pid: 314, status: signal: 15 (SIGTERM)');
  engine.app(m, t + 600, '[    6.103624] reboot: Restarting system');
}

/** A request the proxy could not place, with Fly's HTTP fields (its URL leaks the query string with leaks on). */
function proxyHttp(world: World, status: number, errorMessage: string): { http: HttpMeta; leak: Leak | null } {
  const { rng } = world;
  const query = ordinaryQuery(rng, world.leaks);
  const url = chatStreamUrl({ query, userEmail: null, history: null }, 'form', world.leaks);
  const http: HttpMeta = { method: 'GET', url: url.url === CHAT_STREAM_PATH ? CHAT_STREAM_PATH : url.url, requestId: requestId(rng), status, errorMessage };
  return { http, leak: url.rules.length > 0 ? { rules: url.rules, hashOf: null, leaked: url.leaked, httpOnly: true } : null };
}

/**
 * `fly deploy` in the middle of the run: a rolling restart, one machine after another. While a machine boots the
 * proxy finds it refusing connections (the same PC01 line three times in one second), health checks fail and
 * pass again, and every stream it was serving dies without a close line.
 */
export function deploy(world: World): void {
  const { engine, rng } = world;
  const tag = `deployment-${Math.floor(world.now / 1000)}`;
  // The primary (where the test plan runs) goes last: a run's first test plan is not cut short by it.
  const order = [...engine.machines.filter((m) => !m.primary), engine.primary];
  const roll = (i: number): void => {
    const m = order[i];
    if (m === undefined) return;
    if (!m.up) {
      engine.at(world.now + 5_000, () => roll(i + 1));
      return;
    }
    const t = world.now;
    engine.platform('runner', m, t, 'info', `Pulling container image ${IMAGE}:${tag}`);
    engine.platform('runner', m, t + 2_300, 'info', `Successfully prepared image ${IMAGE}:${tag} (2.31s)`);
    const down = Math.max(t + 3_000, m.protectUntil + 50);
    stop(world, m, down);
    const started = down + 1_800;
    // Three refusals inside one second: real repeats, not a replay.
    const second = Math.ceil((started + 500) / 1000) * 1000;
    for (const dt of [100, 180, 420]) engine.platform('proxy', m, second + dt, 'error', PC01, { fact: { k: 'proxy', code: 'PC01', hiddenInPlain: false } });
    engine.platform('health', m, second + 900, 'warn', HEALTH_FAIL);
    if (i === 0) {
      const { http, leak } = proxyHttp(world, 502, PM05);
      engine.platform('proxy', m, second + 1_300, 'error', `[PM05] ${PM05}`, { http, leak, fact: { k: 'proxy', code: 'PM05', hiddenInPlain: true } });
    } else if (i === 1) {
      const { http, leak } = proxyHttp(world, 503, '');
      engine.platform('proxy', m, second + 1_300, 'error', PR04, { http, leak, fact: { k: 'proxy', code: 'PR04', hiddenInPlain: false } });
    } else {
      const { http, leak } = proxyHttp(world, 502, '');
      engine.platform('proxy', m, second + 1_300, 'error', `[PM05] ${PM05}`, { http, leak, fact: { k: 'proxy', code: 'PM05', hiddenInPlain: false } });
    }
    const ready = boot(world, m, started, `${rng.int(1, 2)}.${rng.int(100, 999)}`);
    engine.platform('health', m, Math.max(ready, second + 2_000) + rng.int(4_000, 9_000), 'info', HEALTH_PASS);
    engine.at(ready + rng.int(20_000, 30_000), () => roll(i + 1));
  };
  engine.at(world.now, () => roll(0));
}

/** Fly's autostop: the sjc machine idles, stops, and the proxy starts it again a few minutes later. */
export function autostop(world: World, tries = 0): void {
  const { engine, rng } = world;
  const m = engine.machines.find((x) => x.region === 'sjc');
  if (m === undefined || !m.up) return;
  const busy = m.owners.some((o) => o.endMs > world.now && o.killMs === Number.POSITIVE_INFINITY) || m.protectUntil > world.now;
  if (busy && tries < 20) {
    engine.at(world.now + 30_000, () => autostop(world, tries + 1));
    return;
  }
  const t = world.now;
  engine.platform('proxy', m, t, 'info', `Downscaling app nuzantara-backend from 1 machines to 0 machines, stopping machine ${m.id} (region=sjc, process group=app)`);
  engine.at(t + 10, () => {
    m.up = false;
    engine.kill(m, t + 10);
  });
  engine.app(m, t + 20, 'INFO Sending signal SIGINT to main child process w/ PID 313');
  engine.app(m, t + 90, 'INFO Main child exited normally with code: 0');
  engine.platform('runner', m, t + 400, 'info', 'machine exited with exit code 0, not restarting');
  const restart = t + rng.int(180_000, 480_000);
  engine.platform('proxy', m, restart, 'info', `Starting machine ${m.id}`);
  const ready = boot(world, m, restart + 200, `0.${rng.int(600, 999)}`);
  engine.platform('health', m, ready + rng.int(3_000, 6_000), 'info', HEALTH_PASS);
}

/** A health check that flaps once on the primary without a restart. */
export function healthFlap(world: World): void {
  const m = world.engine.primary;
  world.engine.platform('health', m, world.now, 'warn', HEALTH_FAIL);
  world.engine.platform('health', m, world.now + world.rng.int(15_000, 30_000), 'info', HEALTH_PASS);
}

/** Every five minutes each running process reports its memory. */
export function scheduleMemoryReports(world: World): void {
  const report = (m: MachineState): void => {
    if (m.up) {
      const heap = world.rng.int(120, 260);
      world.engine.app(m, world.now, winston('info', `📊 Memory usage: heapUsed=${heap}MB rss=${heap + world.rng.int(120, 200)}MB`, null, world.rng.chance(0.5)));
    }
    world.engine.at(world.now + 300_000, () => report(m));
  };
  for (const m of world.engine.machines) world.engine.at(world.engine.options.start + world.rng.int(1_000, 299_000), () => report(m));
}
