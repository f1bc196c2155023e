/**
 * One GET as view state: loading, the answer, or the failure. The last answer stays on screen while a newer
 * one loads (no flashing) and, for the same address, beside a failed refresh; every resource is asked again
 * after signing in.
 */
import { useCallback, useEffect, useState } from 'react';
import { useAuthEpoch } from '../app/hooks.ts';
import { useServices } from '../app/services-context.ts';
import { isAbort } from './failure.ts';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

export interface ResourceOptions {
  okStatuses?: readonly number[];
  /** Ask again this often while mounted (ms); null for never. */
  refreshMs?: number | null;
}

export function useResource<T>(path: string | null, options: ResourceOptions = {}): Resource<T> {
  const { api } = useServices();
  const epoch = useAuthEpoch();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; path: string | null }>({
    data: null,
    error: null,
    loading: path !== null,
    path,
  });
  const okKey = (options.okStatuses ?? []).join(',');

  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false, path });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const okStatuses = okKey === '' ? [] : okKey.split(',').map(Number);
    api.get<T>(path, { signal: controller.signal, okStatuses }).then(
      (data) => setState({ data, error: null, loading: false, path }),
      (error: unknown) => {
        if (isAbort(error)) return;
        // An answer to another question (other filters, another page) must not stand under this one's error.
        setState((previous) => ({ ...previous, data: previous.path === path ? previous.data : null, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [api, path, epoch, tick, okKey]);

  const refreshMs = options.refreshMs ?? null;
  useEffect(() => {
    if (refreshMs === null || path === null) return;
    const timer = window.setInterval(() => setTick((value) => value + 1), refreshMs);
    return () => window.clearInterval(timer);
  }, [refreshMs, path]);

  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
