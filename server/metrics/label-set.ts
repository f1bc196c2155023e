/**
 * Label values come from log text (instance ids, event types). Prometheus keeps a series per value, so the
 * number of distinct values is capped; past the cap, and for anything that does not look like an identifier,
 * the value is `other`.
 */
export class LabelSet {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(value)) return value === '' ? 'none' : 'other';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}
