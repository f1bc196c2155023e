/** Up to this many items are sorted by insertion: Array.prototype.sort costs more to set up than to run on a few. */
const FEW = 16;

/** Sorts in place, stably (as Array.prototype.sort): the spans and findings of one entry are a handful. */
export function sortFew<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > FEW) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
}
