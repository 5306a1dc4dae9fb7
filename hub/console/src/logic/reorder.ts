// Moves the item at `from` to index `to` (as it reads after the move); other items keep order.
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to)
    return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

// A slide id the playlist schema accepts and no other slide of the list has.
export function newSlideId(taken: readonly string[], random = Math.random): string {
  for (;;) {
    const id = `s-${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`;
    if (!taken.includes(id)) return id;
  }
}
