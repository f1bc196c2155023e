/** The views, as real links (open in a new tab works) that switch in place on a plain click. */
import type { MouseEvent } from 'react';
import { serializeUrlState, VIEW_LABEL, VIEWS, withView, type ViewId } from '../state/url-state.ts';
import { useNavigate, useUrlState } from './hooks.ts';

export function ViewNav() {
  const state = useUrlState();
  const navigate = useNavigate();

  function follow(event: MouseEvent<HTMLAnchorElement>, view: ViewId): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate((current) => withView(current, view));
  }

  return (
    <nav className="view-nav" aria-label="Views">
      {VIEWS.map((view) => (
        <a
          key={view}
          href={serializeUrlState(withView(state, view))}
          aria-current={state.view === view ? 'page' : undefined}
          onClick={(event) => follow(event, view)}
          data-testid={`nav-${view}`}
        >
          {VIEW_LABEL[view]}
        </a>
      ))}
    </nav>
  );
}
