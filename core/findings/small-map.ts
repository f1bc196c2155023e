/**
 * A map from strings, for the few keys one entry gathers (its query strings: a request log holds one, twice):
 * the first is kept beside the map, so most entries make no Map and hash no key; a lookup of it compares the
 * strings instead (its second place is a new string of the same text, whose hash would be computed anew).
 */
export class SmallMap<V> {
  private firstKey: string | null = null;
  private firstValue: V | undefined = undefined;
  private rest: Map<string, V> | null = null;

  get(key: string): V | undefined {
    if (key === this.firstKey) return this.firstValue;
    return this.rest?.get(key);
  }

  set(key: string, value: V): void {
    if (this.firstKey === null || key === this.firstKey) {
      this.firstKey = key;
      this.firstValue = value;
    } else {
      (this.rest ??= new Map()).set(key, value);
    }
  }
}
