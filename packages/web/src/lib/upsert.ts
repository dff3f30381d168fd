/** Merges a live item into a newest-first list: replaces by id, or puts it first. */
export function upsertById<T extends { readonly id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i === -1) return [item, ...list];
  const out = [...list];
  out[i] = { ...list[i], ...item } as T;
  return out;
}
