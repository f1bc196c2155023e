/**
 * Calls to the service on the page's own origin. The session cookie travels by itself (same origin); a 401
 * tells the auth state, which opens the token prompt, and still rejects so the caller shows its error state.
 */
import { ApiFailure, failureFromNetwork, failureFromResponse } from './failure.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface GetOptions {
  signal?: AbortSignal;
  /** Statuses other than 2xx whose body is still the answer (`/healthz` answers 503 with its health). */
  okStatuses?: readonly number[];
}

export interface ApiClient {
  get<T>(path: string, options?: GetOptions): Promise<T>;
  /** The parsed body, or null for an empty answer (204). */
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T | null>;
  /** `POST /api/session {"token"}` → 204 with the cookie; rejects with the failure when the token is refused. */
  startSession(token: string): Promise<void>;
}

export function createApiClient(fetchImpl: FetchLike, onUnauthorized: () => void): ApiClient {
  async function send(path: string, init: RequestInit, okStatuses: readonly number[], reportAuth: boolean): Promise<string> {
    let response: Response;
    try {
      response = await fetchImpl(path, { credentials: 'same-origin', ...init });
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      throw failureFromNetwork(error);
    }
    const text = await response.text().catch(() => '');
    if (response.ok || okStatuses.includes(response.status)) return text;
    if (response.status === 401 && reportAuth) onUnauthorized();
    throw failureFromResponse(response.status, response.statusText, text);
  }

  function parse<T>(text: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiFailure(200, 'bad-response', 'The server answered something that is not JSON.');
    }
  }

  return {
    async get<T>(path: string, options: GetOptions = {}): Promise<T> {
      const init: RequestInit = { headers: { Accept: 'application/json' } };
      if (options.signal) init.signal = options.signal;
      return parse<T>(await send(path, init, options.okStatuses ?? [], true));
    },
    async post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T | null> {
      const init: RequestInit = {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      };
      if (signal) init.signal = signal;
      const text = await send(path, init, [], true);
      return text.trim() === '' ? null : parse<T>(text);
    },
    async startSession(token: string): Promise<void> {
      const init: RequestInit = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      };
      // A refused token must not re-open the prompt that is asking for it.
      await send('/api/session', init, [], false);
    },
  };
}
