import type { Floor } from '#shared/schemas/buildings';

export interface CompanyHit {
  company: string;
  floor: number;
}

// Company names are mostly Chinese and the kiosk has no input method, so the keyboard
// offers only the characters that continue a name: tap 华, then 信, and so on.
export function companyIndex(floors: readonly Floor[]): CompanyHit[] {
  return floors.flatMap((f) => f.companies.map((company) => ({ company, floor: f.number })));
}

const fold = (s: string) => s.toLocaleLowerCase();

export function matches(index: readonly CompanyHit[], query: string): CompanyHit[] {
  const q = fold(query);
  return index.filter((h) => fold(h.company).includes(q));
}

// The characters that can come next after `query` in some name, in name order.
export function nextKeys(index: readonly CompanyHit[], query: string, max = 40): string[] {
  const q = fold(query);
  const keys = new Set<string>();
  for (const h of index) {
    const name = fold(h.company);
    if (!q) {
      const first = [...name][0];
      if (first) keys.add(first);
      continue;
    }
    let at = name.indexOf(q);
    while (at >= 0 && keys.size < max) {
      const next = [...name.slice(at + q.length)][0];
      if (next && next.trim()) keys.add(next);
      at = name.indexOf(q, at + 1);
    }
  }
  return [...keys].slice(0, max);
}
