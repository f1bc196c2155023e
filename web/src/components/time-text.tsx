import { useUtc } from '../app/hooks.ts';
import { formatInstant } from '../state/time-format.ts';

/** An instant on the page's clock (local or UTC), with the exact time for machines and tooltips. */
export function TimeText({ value, pattern }: { value: string | number | null; pattern?: string }) {
  const utc = useUtc();
  if (value === null) return <span>—</span>;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return <span>—</span>;
  const iso = new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(ms, utc, pattern)}
    </time>
  );
}
