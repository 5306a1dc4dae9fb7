import type { z } from 'zod';

// localStorage, read through a schema: a corrupt or outdated entry is dropped and the screen
// starts clean instead of crashing on it.
const PREFIX = 'lobby.signage.v1.';

export function load<T extends z.ZodType>(key: string, schema: T): z.infer<T> | null {
  let text: string | null;
  try {
    text = localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: fall through and forget it.
  }
  forget(key);
  return null;
}

// A full disk must not stop the screen: it keeps playing from memory.
export function save(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forget(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage unavailable: nothing to forget.
  }
}

export const KEYS = {
  credentials: 'credentials',
  pairing: 'pairing',
  config: 'config',
  outbox: 'outbox',
  content: (topic: string) => `content.${topic}`,
} as const;
