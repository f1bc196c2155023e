import { useLive } from './hooks.ts';

/** Simulated traffic must never be mistaken for staging: the badge says so on every view. */
export function DemoBadge() {
  const demo = useLive((data) => data.health?.demo ?? false);
  if (!demo) return null;
  return (
    <span className="badge badge-demo" data-testid="demo-badge" title="The service runs on built-in simulated staging traffic">
      simulated data
    </span>
  );
}
