/**
 * A set of 64-bit keys given as 16 hex characters, in two typed arrays: 16 bytes a key at most, where a JS Set
 * of strings costs about 60. Keys are keyed hashes, so their low bits are already uniform and index the table.
 */
export class HashSet64 {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private count = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
  }

  get size(): number {
    return this.count;
  }

  has(hex16: string): boolean {
    const [h, l] = split(hex16);
    return this.find(h, l, this.hi, this.lo) >= 0;
  }

  /** Adds the key; false when it was there already. */
  add(hex16: string): boolean {
    const [h, l] = split(hex16);
    if (this.find(h, l, this.hi, this.lo) >= 0) return false;
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    place(h, l, this.hi, this.lo);
    this.count++;
    return true;
  }

  clear(): void {
    this.hi.fill(0);
    this.lo.fill(0);
    this.count = 0;
  }

  private find(h: number, l: number, hi: Uint32Array, lo: Uint32Array): number {
    const mask = hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (hi[i] === h && lo[i] === l) return i;
      if (hi[i] === 0 && lo[i] === 0) return -1;
    }
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    for (let i = 0; i < oldHi.length; i++) {
      const h = oldHi[i] as number;
      const l = oldLo[i] as number;
      if (h !== 0 || l !== 0) place(h, l, this.hi, this.lo);
    }
  }
}

function split(hex16: string): [number, number] {
  if (!/^[0-9a-f]{16}$/.test(hex16)) throw new Error('HashSet64 keys are 16 lower-case hex characters');
  const h = Number.parseInt(hex16.slice(0, 8), 16);
  const l = Number.parseInt(hex16.slice(8), 16);
  // Zero marks an empty slot; the one key that is all zeros shares a slot with its neighbour value 1.
  return h === 0 && l === 0 ? [0, 1] : [h, l];
}

function place(h: number, l: number, hi: Uint32Array, lo: Uint32Array): void {
  const mask = hi.length - 1;
  let i = l & mask;
  while (hi[i] !== 0 || lo[i] !== 0) i = (i + 1) & mask;
  hi[i] = h;
  lo[i] = l;
}
