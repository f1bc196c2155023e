/** Something that happens at an instant: epoch ms, nanoseconds within that ms, and a tie-breaking sequence. */
export interface Timed {
  ms: number;
  sub: number;
  seq: number;
}

function before(a: Timed, b: Timed): boolean {
  return a.ms < b.ms || (a.ms === b.ms && (a.sub < b.sub || (a.sub === b.sub && a.seq < b.seq)));
}

/** A binary min-heap in time order: lines scheduled for later come out when their time comes. */
export class TimeHeap<T extends Timed> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as T;
      if (!before(item, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined || a.length === 0) return top;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && before(a[r] as T, a[l] as T)) c = r;
      const child = a[c] as T;
      if (!before(child, last)) break;
      a[i] = child;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
