// Floors typed as staff think of them: "3, 5-8, B1" style lists, both ways.

// "3, 5-8" → [3, 5, 6, 7, 8]; "B2" is floor -2. null when a part is unreadable.
export function parseFloors(text: string): number[] | null {
  const out = new Set<number>();
  for (const raw of text.split(/[,，、\s]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const range = /^(B?-?\d+)\s*[-~–]\s*(B?-?\d+)$/i.exec(part);
    if (range) {
      const a = floorOf(range[1] ?? '');
      const b = floorOf(range[2] ?? '');
      if (a === null || b === null || Math.abs(b - a) > 200) return null;
      for (let f = Math.min(a, b); f <= Math.max(a, b); f++) out.add(f);
      continue;
    }
    const one = floorOf(part);
    if (one === null) return null;
    out.add(one);
  }
  return [...out].sort((a, b) => a - b);
}

function floorOf(s: string): number | null {
  const basement = /^B(\d+)$/i.exec(s);
  if (basement) return -Number(basement[1]);
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

// [3, 5, 6, 7, 8] → "3, 5-8".
export function formatFloors(floors: readonly number[]): string {
  const sorted = [...new Set(floors)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    const a = sorted[i] ?? 0;
    const b = sorted[j] ?? 0;
    parts.push(j - i >= 2 ? `${a}-${b}` : j > i ? `${a}, ${b}` : String(a));
    i = j + 1;
  }
  return parts.join(', ');
}
