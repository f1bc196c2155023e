/**
 * Whether the service wants a token. Any 401 asks for one; the prompt opens once per episode however many
 * calls failed, and a successful sign-in bumps `epoch`, which every data hook and the live socket watch to retry.
 */
import { createStore, type Store } from '../state/store.ts';

export interface AuthState {
  required: boolean;
  promptOpen: boolean;
  epoch: number;
}

export interface Auth {
  store: Store<AuthState>;
  unauthorized(): void;
  dismiss(): void;
  reopen(): void;
  signedIn(): void;
}

export function createAuth(): Auth {
  const store = createStore<AuthState>({ required: false, promptOpen: false, epoch: 0 });
  return {
    store,
    unauthorized() {
      store.set((state) => (state.required ? state : { ...state, required: true, promptOpen: true }));
    },
    dismiss() {
      store.set((state) => (state.promptOpen ? { ...state, promptOpen: false } : state));
    },
    reopen() {
      store.set((state) => (state.required && !state.promptOpen ? { ...state, promptOpen: true } : state));
    },
    signedIn() {
      store.set((state) => ({ required: false, promptOpen: false, epoch: state.epoch + 1 }));
    },
  };
}
