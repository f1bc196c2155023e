import type { TransportFormat } from '../../core/entry.ts';
import { RULE_IDS, type RuleId } from '../../core/findings/finding.ts';
import { COMMON_QUERIES } from './queries.ts';
import type { OutRecord } from './record.ts';

/** The rules an entry breaks, and the query of a queryHash whose linkability is known only at the end. */
export interface EntryRules {
  rules: RuleId[];
  /** A queryHash of an uncommon query: `linkable-hash` if that query is printed in clear anywhere in the output. */
  pendingHashOf: string | null;
}

const NONE: EntryRules = { rules: [], pendingHashOf: null };

/**
 * The GDPR rules each written entry breaks, by spec/gdpr.md, from what the model put in it (never by scanning
 * the text). A queryHash is linkable when its query is a common one or is printed in clear anywhere else in the
 * store — before or after the hash (the store looks back when a leak arrives), so that part is settled at the end.
 */
export class LeakLabeler {
  private readonly leaked = new Set<string>();

  constructor(private readonly format: TransportFormat) {}

  rules(rec: OutRecord): EntryRules {
    if (rec.kind !== 'line' || rec.leak === null) return NONE;
    const leak = rec.leak;
    // NATS messages carry no HTTP fields: what only the URL field held is not there.
    const shown = !(leak.httpOnly && this.format === 'nats');
    const found = new Set<RuleId>(shown ? leak.rules : []);
    let pendingHashOf: string | null = null;
    if (leak.hashOf !== null) {
      if (COMMON_QUERIES.has(leak.hashOf)) found.add('linkable-hash');
      else pendingHashOf = leak.hashOf;
    }
    if (shown) for (const v of leak.leaked) this.leaked.add(v);
    return { rules: found.size === 0 ? [] : RULE_IDS.filter((r) => found.has(r)), pendingHashOf };
  }

  /** After the last entry: was this query printed in clear somewhere in the output? */
  leakedInClear(query: string): boolean {
    return this.leaked.has(query);
  }
}

/** Adds `linkable-hash` to rules, keeping the rule order of RULE_IDS. */
export function withLinkable(rules: readonly RuleId[]): RuleId[] {
  const set = new Set<RuleId>(rules);
  set.add('linkable-hash');
  return RULE_IDS.filter((r) => set.has(r));
}
