import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ContentPayload } from '../payloads.ts';
import type { ContentTopic } from '../topics.ts';
import type { Session } from './session.ts';
import type { DeviceState } from './store.ts';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

// A slice of the store; the component re-renders only when that slice changes, and stops
// listening when it unmounts. Selectors return parts of the state, never new objects.
export function useDevice<T>(select: (s: DeviceState) => T): T {
  const { store } = useSession();
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const update = (s: DeviceState) => setValue(() => select(s));
    update(store.get());
    return store.subscribe(update);
    // Selectors are pure functions of the state, so a new closure each render changes nothing.
  }, [store]);
  return value;
}

// One topic's snapshot (null until one arrives or after it is cleared).
export function useTopic<T extends ContentTopic>(topic: T): ContentPayload<T> | null {
  const { store } = useSession();
  const [snap, setSnap] = useState<ContentPayload<T> | null>(() => store.get().content[topic]);
  useEffect(() => store.subscribeTopic(topic, (s) => setSnap(() => s)), [store, topic]);
  return snap;
}
