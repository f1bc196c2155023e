/**
 * The hooks views read shared state through. Each selects a slice, so a view redraws only when its slice changes.
 */
import { useCallback } from 'react';
import type { LiveConnection } from '../live/live-socket.ts';
import type { LiveData } from '../live/live-state.ts';
import type { AuthState } from '../api/auth.ts';
import { useStore } from '../state/use-store.ts';
import type { UrlState } from '../state/url-state.ts';
import { useServices } from './services-context.ts';

export function useUrlState(): UrlState {
  return useStore(useServices().url.store, (state) => state);
}

export function useUtc(): boolean {
  return useStore(useServices().url.store, (state) => state.utc);
}

export type Navigate = (change: (state: UrlState) => UrlState, options?: { replace?: boolean }) => void;

export function useNavigate(): Navigate {
  const { url } = useServices();
  return useCallback((change, options) => url.navigate(change(url.store.get()), options), [url]);
}

export function useLive<S>(select: (data: LiveData) => S): S {
  return useStore(useServices().feed.data, select);
}

export function useConnection(): LiveConnection {
  return useStore(useServices().connection, (connection) => connection);
}

export function useAuth(): AuthState {
  return useStore(useServices().auth.store, (state) => state);
}

export function useAuthEpoch(): number {
  return useStore(useServices().auth.store, (state) => state.epoch);
}
