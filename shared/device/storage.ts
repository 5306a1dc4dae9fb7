import type { z } from 'zod';
import type { DeviceKind } from '../enums.ts';

// localStorage under one app's prefix, read through a schema: a corrupt or outdated entry is
// dropped and the device starts clean instead of crashing on it. A full disk must not stop
// the device: writes that fail are reported false and it carries on from memory.
export interface DeviceStorage {
  load<T extends z.ZodType>(key: string, schema: T): z.infer<T> | null;
  save(key: string, value: unknown): boolean;
  forget(key: string): void;
}

export function deviceStorage(kind: DeviceKind): DeviceStorage {
  const prefix = `lobby.${kind}.v1.`;
  const forget = (key: string) => {
    try {
      localStorage.removeItem(prefix + key);
    } catch {
      // Storage unavailable: nothing to forget.
    }
  };
  return {
    load(key, schema) {
      let text: string | null;
      try {
        text = localStorage.getItem(prefix + key);
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
    },
    save(key, value) {
      try {
        localStorage.setItem(prefix + key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    forget,
  };
}

export const KEYS = {
  credentials: 'credentials',
  pairing: 'pairing',
  config: 'config',
  outbox: 'outbox',
  content: (topic: string) => `content.${topic}`,
} as const;
