import type { QueryStringScan } from './hit.ts';

/** How many query strings are kept in all (then all are forgotten): memory stays bounded whatever the traffic. */
const LIMIT = 2048;

/**
 * Query strings read in earlier entries, for each way of reading them: what their findings depend on besides
 * their text. Holds plaintext (the query strings and their decoded values), in this process's memory only.
 */
export class KnownQueryStrings {
  private readonly ways = new Map<number, Map<string, QueryStringScan>>();
  private size = 0;

  /**
   * `depth`: layers the string lies in; `jsonDepth`: JSON string literals around it (fewer than 256: each is a
   * parsed JSON layer); `ipAllowed`: the entry keeps its addresses.
   */
  static way(depth: number, jsonDepth: number, inQuery: boolean, ipAllowed: boolean): number {
    return ((depth * 256 + jsonDepth) * 2 + (inQuery ? 1 : 0)) * 2 + (ipAllowed ? 1 : 0);
  }

  get(way: number, queryString: string): QueryStringScan | undefined {
    return this.ways.get(way)?.get(queryString);
  }

  set(way: number, queryString: string, scan: QueryStringScan): void {
    if (this.size >= LIMIT) {
      this.ways.clear();
      this.size = 0;
    }
    let memo = this.ways.get(way);
    if (memo === undefined) {
      memo = new Map();
      this.ways.set(way, memo);
    }
    memo.set(queryString, scan);
    this.size++;
  }
}
