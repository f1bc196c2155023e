/**
 * The address bar as a store: changes push a history entry (so Back works), and Back/Forward are read back.
 */
import { createStore, type Store } from './store.ts';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

export interface UrlStore {
  store: Store<UrlState>;
  navigate(next: UrlState, options?: { replace?: boolean }): void;
  dispose(): void;
}

export function createUrlStore(win: Window): UrlStore {
  const store = createStore(parseUrlState(win.location.search));
  // Write the normalised form once, so that a link copied right away already has every default spelled out.
  win.history.replaceState(null, '', serializeUrlState(store.get()) + win.location.hash);
  const onPopState = (): void => store.set(parseUrlState(win.location.search));
  win.addEventListener('popstate', onPopState);
  return {
    store,
    navigate(next, options = {}) {
      const search = serializeUrlState(next);
      if (search !== win.location.search) {
        if (options.replace) win.history.replaceState(null, '', search);
        else win.history.pushState(null, '', search);
      }
      store.set(next);
    },
    dispose: () => win.removeEventListener('popstate', onPopState),
  };
}
