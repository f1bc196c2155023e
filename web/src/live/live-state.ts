/**
 * What the page knows from the live socket, and how a batch of messages changes it. Pure: the feed
 * (live-feed.ts) decides when a batch is applied. Lists are bounded so a long-open page does not grow.
 */
import type { Health, LiveMessage } from '../../../core/api.ts';
import type { Report } from '../../../core/report.ts';
import type { StoredEvent } from '../../../core/events/event.ts';
import type { StoredFinding } from '../../../core/findings/finding.ts';

export const EVENT_LIMIT = 200;
export const FINDING_LIMIT = 100;

export interface LiveData {
  report: Report | null;
  /** When the page last received a report (page clock), to say how fresh it is. */
  reportAt: number | null;
  /** Newest first, at most EVENT_LIMIT. */
  events: readonly StoredEvent[];
  /** Newest first, at most FINDING_LIMIT. */
  findings: readonly StoredFinding[];
  health: Health | null;
  /** Events and findings pushed since the page opened: views compare against these to offer a refresh. */
  eventCount: number;
  findingCount: number;
}

export const EMPTY_LIVE_DATA: LiveData = {
  report: null,
  reportAt: null,
  events: [],
  findings: [],
  health: null,
  eventCount: 0,
  findingCount: 0,
};

/** Newest first by id (the store's insertion order), without duplicates (a snapshot after a reconnect repeats some), cut to `limit`. */
export function mergeNewest<T extends { id: number }>(current: readonly T[], incoming: readonly T[], limit: number): readonly T[] {
  if (incoming.length === 0) return current;
  const byId = new Map<number, T>();
  for (const item of current) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, limit);
}

/** The state after a batch of messages, in arrival order; unchanged slices keep their identity. */
export function applyMessages(state: LiveData, messages: readonly LiveMessage[], now: number): LiveData {
  let { report, reportAt, health, eventCount, findingCount } = state;
  const events: StoredEvent[] = [];
  const findings: StoredFinding[] = [];
  for (const message of messages) {
    switch (message.type) {
      case 'snapshot':
        report = message.report;
        reportAt = now;
        health = message.health;
        events.push(...message.events);
        break;
      case 'metrics':
        report = message.report;
        reportAt = now;
        break;
      case 'status':
        health = message.health;
        break;
      case 'event':
        events.push(message.event);
        eventCount += 1;
        break;
      case 'finding':
        findings.push(message.finding);
        findingCount += 1;
        break;
    }
  }
  if (messages.length === 0) return state;
  return {
    report,
    reportAt,
    health,
    eventCount,
    findingCount,
    events: mergeNewest(state.events, events, EVENT_LIMIT),
    findings: mergeNewest(state.findings, findings, FINDING_LIMIT),
  };
}
