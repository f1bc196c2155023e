/**
 * The page: header (window, clock, live state), the views, and the token prompt. Views are loaded on first
 * use so the charts library is not in the first download.
 */
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewId } from '../state/url-state.ts';
import { Loading } from '../components/states.tsx';
import { RangePicker, UtcToggle } from './range-picker.tsx';
import { LiveIndicator } from './live-indicator.tsx';
import { SignInButton, TokenPrompt } from './token-prompt.tsx';
import { ViewNav } from './view-nav.tsx';
import { DemoBadge } from './demo-badge.tsx';
import { useLive, useUrlState } from './hooks.ts';
import { useServices } from './services-context.ts';

const VIEW_COMPONENTS: Readonly<Record<ViewId, LazyExoticComponent<ComponentType>>> = {
  live: lazy(() => import('../views/live/live-view.tsx')),
  compliance: lazy(() => import('../views/compliance/compliance-view.tsx')),
  events: lazy(() => import('../views/events/events-view.tsx')),
  incidents: lazy(() => import('../views/incidents/incidents-view.tsx')),
  status: lazy(() => import('../views/status/status-view.tsx')),
};

export function App() {
  const services = useServices();
  const view = useUrlState().view;
  const View = VIEW_COMPONENTS[view];
  useEffect(() => services.start(), [services]);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>flight-recorder</h1>
          <DemoBadge />
        </div>
        <div className="header-controls">
          <RangePicker />
          <UtcToggle />
          <LiveIndicator />
          <SignInButton />
        </div>
        <ViewNav />
      </header>
      <main className="app-main" id="main">
        <Suspense fallback={<Loading what="the view" />}>
          <View />
        </Suspense>
      </main>
      <TokenPrompt />
      <SourceDocTitle />
    </div>
  );
}

/** The tab title says which app is watched, so several open tabs can be told apart. */
function SourceDocTitle() {
  const target = useLive((data) => data.health?.source.target ?? null);
  useEffect(() => {
    document.title = target === null ? 'flight-recorder' : `flight-recorder — ${target}`;
  }, [target]);
  return null;
}
