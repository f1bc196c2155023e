import { crawler, emailKeyBurst, loneViolation, scheduleBots, scheduleCrawler, scheduleLoneViolations } from './abuse.ts';
import { winston } from './backend-lines.ts';
import { autostop, deploy, healthFlap, scheduleMemoryReports } from './platform.ts';
import { scheduleTestPlan } from './test-plan.ts';
import { startTraffic, type Forced } from './traffic.ts';
import type { World } from './world.ts';

/**
 * The whole staging day, by share of the run (so that a short run still holds every part of it): the test plan
 * from the start, a few unusual violations early, an autostop, a deploy in the middle, and — with quirks on —
 * garbage lines and multi-line entries at fixed points.
 */
export function tellStory(world: World, intensity: number): void {
  const { engine } = world;
  const forced: Forced[] = [];
  startTraffic(world, intensity, forced);
  scheduleTestPlan(world);
  scheduleBots(world);
  scheduleLoneViolations(world);
  scheduleCrawler(world);
  scheduleMemoryReports(world);
  engine.when(0.12, () => loneViolation(world));
  engine.when(0.15, () => emailKeyBurst(world));
  engine.when(0.2, () => crawler(world));
  engine.when(0.3, () => autostop(world));
  engine.when(0.5, () => deploy(world));
  engine.when(0.7, () => healthFlap(world));
  engine.when(0.85, () => loneViolation(world));
  if (!world.quirks) return;
  engine.when(0.04, () => engine.garbage({ kind: 'garbage', variant: 'bad-utf8' }));
  engine.when(0.1, () => forced.push('fail-with-stack'));
  engine.when(0.14, () => forced.push('multiline-query'));
  engine.when(0.22, () => engine.garbage({ kind: 'truncated', ms: engine.lastMs, sub: engine.lastSub, machine: engine.primary }));
  engine.when(0.33, () => {
    // A raw backend body dumped into the log: one line of 200 KB right after the entry that announces it.
    const m = world.pinned();
    const carrier = engine.app(m, world.now, winston('warn', '[RAG] Unexpected response body from backend (204800 bytes), raw body follows:', null, true));
    carrier.after = { kind: 'garbage', variant: 'bigline' };
  });
  engine.when(0.58, () => engine.garbage({ kind: 'garbage', variant: 'bad-utf8' }));
}
