import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Observable } from '../data/observable.ts';

export function useObservable<T>(o: Observable<T>): T {
  const [value, setValue] = useState(o.get());
  useEffect(() => {
    setValue(o.get());
    return o.subscribe(setValue);
  }, [o]);
  return value;
}

export interface Async<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

// Loads on mount and whenever `deps` change; a late answer for old deps is dropped.
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const seq = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    loader.current().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: unknown) =>
        mine === seq.current &&
        setState((s) => ({
          ...s,
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    );
  }, []);
  useEffect(reload, deps);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

// Runs a data-layer subscription while mounted; `subscribe` returns its unsubscribe.
export function useSubscription(subscribe: () => () => void, deps: readonly unknown[]): void {
  useEffect(() => subscribe(), deps);
}

// The current time, ticking every `ms`.
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
