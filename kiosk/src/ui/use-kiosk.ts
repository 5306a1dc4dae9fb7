import { useEffect, useState } from 'preact/hooks';
import type { KioskState, KioskStore } from '../data/store.ts';

// Screens re-render on every store change; unsubscribes on unmount.
export function useKiosk(store: KioskStore): KioskState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
