// A value that can be read now and watched: what the data layer hands to components.
export interface Observable<T> {
  get(): T;
  subscribe(fn: (value: T) => void): () => void;
}

export function observable<T>(initial: T): Observable<T> & { set(value: T): void } {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const fn of [...listeners]) fn(next);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
