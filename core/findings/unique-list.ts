/** Past this many items a Set is kept beside the array: an entry with many leaks stays linear. */
const FEW = 16;

/**
 * Strings in the order first added, each once. An entry leaks a query or two, and an array searched in place
 * costs less than a Set for a few; many (a long conversation) get a Set as well.
 */
export class UniqueList {
  readonly items: string[] = [];
  private set: Set<string> | null = null;

  has(value: string): boolean {
    return this.set === null ? this.items.includes(value) : this.set.has(value);
  }

  add(value: string): void {
    if (this.has(value)) return;
    this.items.push(value);
    if (this.set !== null) this.set.add(value);
    else if (this.items.length > FEW) this.set = new Set(this.items);
  }
}
