import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Session } from './session.ts';
import type { SignageState } from './store.ts';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

// A slice of the store; the component re-renders only when that slice changes, and stops
// listening when it unmounts. Selectors return parts of the state, never new objects.
export function useSignage<T>(select: (s: SignageState) => T): T {
  const { store } = useSession();
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const update = (s: SignageState) => setValue(() => select(s));
    update(store.get());
    return store.subscribe(update);
    // Selectors are pure functions of the state, so a new closure each render changes nothing.
  }, [store]);
  return value;
}
