import { useSyncExternalStore } from 'react';
import type { Store } from './store.ts';

/** The selected slice of a store; the selector must return a value that is already in the state (no new objects). */
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()), () => select(store.get()));
}
