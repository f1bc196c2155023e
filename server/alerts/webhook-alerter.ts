import type { Incident } from '../../core/report.ts';
import type { StoredFinding } from '../../core/findings/finding.ts';
import { highFindingText, incidentText } from './alert-text.ts';

export interface AlertLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface WebhookAlerterOptions {
  /** A secret in itself (Slack's URLs are): used to post, never logged. */
  url: string;
  now: () => number;
  log: AlertLog;
  /** At most one alert per kind in this time. */
  minIntervalMs?: number;
  /** A finding whose fingerprint the store held before is not news. */
  seenBefore: (finding: StoredFinding) => boolean;
  timeoutMs?: number;
}

const MAX_REMEMBERED = 100_000;

/**
 * Posts `{"text": …}` when an incident opens or a high finding's value is first seen. One alert per kind a
 * minute: the rest are counted and mentioned in the next. A failed post is logged and dropped — no retries,
 * so a dead webhook never becomes a storm.
 */
export class WebhookAlerter {
  private readonly lastSent = new Map<string, number>();
  private readonly suppressed = new Map<string, number>();
  private readonly knownIncidents = new Set<string>();
  private readonly knownFingerprints = new Set<string>();
  private incidentsSeeded = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: WebhookAlerterOptions) {}

  /**
   * The incidents of the latest report. The first call only learns what is already open, so a restart does not
   * announce old incidents again.
   */
  incidentsSeen(incidents: readonly Incident[]): void {
    const seeding = !this.incidentsSeeded;
    this.incidentsSeeded = true;
    for (const incident of incidents) {
      if (this.knownIncidents.has(incident.id)) continue;
      remember(this.knownIncidents, incident.id);
      if (!seeding) this.send(`incident:${incident.kind}`, (n) => incidentText(incident, n));
    }
  }

  /** Findings of a committed batch: high ones whose fingerprint is new raise an alert. */
  findingsCommitted(findings: readonly StoredFinding[]): void {
    for (const f of findings) {
      if (f.severity !== 'high' || this.knownFingerprints.has(f.fingerprint)) continue;
      remember(this.knownFingerprints, f.fingerprint);
      if (this.options.seenBefore(f)) continue;
      this.send(`finding:${f.rule}`, (n) => highFindingText(f, n));
    }
  }

  /** Resolves when the posts under way have ended (shutdown, tests). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private send(kind: string, text: (suppressed: number) => string): void {
    const now = this.options.now();
    const last = this.lastSent.get(kind);
    if (last !== undefined && now - last < (this.options.minIntervalMs ?? 60_000)) {
      this.suppressed.set(kind, (this.suppressed.get(kind) ?? 0) + 1);
      return;
    }
    this.lastSent.set(kind, now);
    const body = JSON.stringify({ text: text(this.suppressed.get(kind) ?? 0) });
    this.suppressed.delete(kind);
    const post = this.post(kind, body).finally(() => this.pending.delete(post));
    this.pending.add(post);
  }

  private async post(kind: string, body: string): Promise<void> {
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) this.options.log.info({ alert: kind }, 'alert sent');
      else this.options.log.warn({ alert: kind, status: res.status }, 'the alert webhook refused the alert');
    } catch (err) {
      this.options.log.warn({ alert: kind, err }, 'the alert webhook could not be reached');
    }
  }
}

function remember(set: Set<string>, value: string): void {
  if (set.size >= MAX_REMEMBERED) {
    const first = set.values().next();
    if (!first.done) set.delete(first.value);
  }
  set.add(value);
}
