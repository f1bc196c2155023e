/**
 * The window every view shows: a preset, or a custom from/to typed on the page's clock. Kept in the address.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { fromInputValue, toInputValue, clockName } from '../state/time-format.ts';
import { PRESET_LABEL, RANGE_PRESETS, isRangePreset, resolveRange } from '../state/time-range.ts';
import { useNavigate, useUrlState } from './hooks.ts';

export function RangePicker() {
  const { range, utc } = useUrlState();
  const navigate = useNavigate();
  const id = useId();
  const [custom, setCustom] = useState(range.kind === 'custom');
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const window = resolveRange(range, Date.now());
    setDraft({ from: toInputValue(window.fromMs, utc), to: toInputValue(window.toMs, utc) });
    setCustom(range.kind === 'custom');
    setProblem(null);
  }, [range, utc]);

  function choose(value: string): void {
    if (isRangePreset(value)) {
      setCustom(false);
      navigate((state) => ({ ...state, range: { kind: 'preset', preset: value } }));
    } else {
      setCustom(true);
    }
  }

  function apply(event: FormEvent): void {
    event.preventDefault();
    const fromMs = fromInputValue(draft.from, utc);
    const toMs = fromInputValue(draft.to, utc);
    if (fromMs === null || toMs === null) return setProblem('Enter both a start and an end.');
    if (fromMs >= toMs) return setProblem('The start must be before the end.');
    setProblem(null);
    navigate((state) => ({ ...state, range: { kind: 'custom', fromMs, toMs } }));
  }

  const selected = custom ? 'custom' : range.kind === 'preset' ? range.preset : 'custom';
  return (
    <form className="range-picker" data-testid="range-picker" onSubmit={apply} aria-label="Time range">
      <label htmlFor={`${id}-range`}>Window</label>
      <select id={`${id}-range`} value={selected} onChange={(event) => choose(event.target.value)} data-testid="range-select">
        {RANGE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {PRESET_LABEL[preset]}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {selected === 'custom' ? (
        <span className="range-custom">
          <label htmlFor={`${id}-from`}>From ({clockName(utc)})</label>
          <input id={`${id}-from`} type="datetime-local" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} data-testid="range-from" />
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="datetime-local" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} data-testid="range-to" />
          <button type="submit" data-testid="range-apply">
            Apply
          </button>
        </span>
      ) : null}
      {problem !== null ? (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}

export function UtcToggle() {
  const utc = useUrlState().utc;
  const navigate = useNavigate();
  const id = useId();
  return (
    <span className="utc-toggle">
      <input
        id={id}
        type="checkbox"
        checked={utc}
        onChange={(event) => {
          const next = event.target.checked;
          navigate((state) => ({ ...state, utc: next }));
        }}
        data-testid="utc-toggle"
      />
      <label htmlFor={id}>UTC</label>
    </span>
  );
}
