/**
 * A memo that forgets everything when it reaches its bound, so its memory stays bounded whatever the input
 * (log traffic repeats a small working set: the same queries, URLs and users over and over).
 */
export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}
