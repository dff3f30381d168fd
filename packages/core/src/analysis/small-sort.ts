/**
 * In-place stable sort for the short arrays of the hot paths (a message's matches, findings, cue
 * hits): an insertion sort below SMALL, which allocates nothing, where `Array.prototype.sort`
 * copies every array it sorts into a work array first (measured: ~8 % of what the import
 * allocated per message). Same order as `Array.prototype.sort` with the same comparator.
 */
const SMALL = 24;

export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    for (; j >= 0 && compare(items[j] as T, item) > 0; j--) items[j + 1] = items[j] as T;
    items[j + 1] = item;
  }
  return items;
}
