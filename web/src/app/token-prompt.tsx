/**
 * Asks once for the service's token when a call answered 401, exchanges it for the session cookie
 * (`POST /api/session`), then everything retries and the socket reconnects (see services.ts).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeFailure } from '../api/failure.ts';
import { useAuth } from './hooks.ts';
import { useServices } from './services-context.ts';

export function TokenPrompt() {
  const { promptOpen } = useAuth();
  const { api, auth } = useServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (promptOpen && !element.open) element.showModal();
    if (!promptOpen && element.open) element.close();
  }, [promptOpen]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (token.trim() === '') return setProblem('Enter the token.');
    setBusy(true);
    setProblem(null);
    try {
      await api.startSession(token.trim());
      setToken('');
      auth.signedIn();
    } catch (error) {
      setProblem(describeFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="token-prompt" data-testid="token-prompt" aria-labelledby={`${id}-title`} onCancel={() => auth.dismiss()}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>Sign in</h2>
        <p>This flight-recorder needs its access token (FLIGHT_RECORDER_TOKEN). It is exchanged once for a session cookie.</p>
        <label htmlFor={`${id}-token`}>Token</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
          data-testid="token-input"
        />
        {problem !== null ? (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy} data-testid="token-submit">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="secondary" onClick={() => auth.dismiss()}>
            Not now
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Reopens the prompt after "Not now", while a token is still needed. */
export function SignInButton() {
  const { required, promptOpen } = useAuth();
  const { auth } = useServices();
  if (!required || promptOpen) return null;
  return (
    <button type="button" onClick={() => auth.reopen()} data-testid="sign-in">
      Sign in
    </button>
  );
}
