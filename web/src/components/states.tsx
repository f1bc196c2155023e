/** The loading, empty and error states every view shows in the same words and places. */
import type { ReactNode } from 'react';
import { describeFailure } from '../api/failure.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" data-testid="state-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="state state-empty" data-testid="state-empty">
      {children}
    </p>
  );
}

export function ErrorNote({ error, onRetry, what }: { error: unknown; onRetry?: () => void; what: string }) {
  return (
    <div className="state state-error" data-testid="state-error" role="alert">
      <span>
        Could not load {what}: {describeFailure(error)}
      </span>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
