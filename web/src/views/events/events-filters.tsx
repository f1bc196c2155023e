/** The explorer's filters: typed into a draft, applied to the address on submit (Enter or the button). */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Filters } from '../../state/url-state.ts';
import { KNOWN_EVENT_TYPES, KNOWN_LEVELS } from './event-kinds.ts';

export const EVENT_FILTER_FIELDS = [
  { key: 'q', label: 'Search text' },
  { key: 'type', label: 'Type' },
  { key: 'level', label: 'Level' },
  { key: 'connection', label: 'Connection id' },
  { key: 'key', label: 'Key' },
  { key: 'instance', label: 'Instance' },
] as const;

type EventFilterKey = (typeof EVENT_FILTER_FIELDS)[number]['key'];
export type EventFilterValues = Record<EventFilterKey, string>;

export function eventFilterValues(filters: Filters): EventFilterValues {
  return {
    q: filters.q ?? '',
    type: filters.type ?? '',
    level: filters.level ?? '',
    connection: filters.connection ?? '',
    key: filters.key ?? '',
    instance: filters.instance ?? '',
  };
}

const SUGGESTIONS: Partial<Record<EventFilterKey, readonly string[]>> = { type: KNOWN_EVENT_TYPES, level: KNOWN_LEVELS };

export function EventsFilters({ applied, onApply }: { applied: EventFilterValues; onApply(values: EventFilterValues): void }) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    onApply(draft);
  }

  const empty = eventFilterValues({});
  return (
    <form className="panel filters" onSubmit={submit} aria-label="Event filters" data-testid="events-filters" role="search">
      {EVENT_FILTER_FIELDS.map((field) => {
        const suggestions = SUGGESTIONS[field.key];
        return (
          <div className="field" key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
            <input
              id={`${id}-${field.key}`}
              type={field.key === 'q' ? 'search' : 'text'}
              value={draft[field.key]}
              list={suggestions ? `${id}-${field.key}-list` : undefined}
              onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
              data-testid={`events-filter-${field.key}`}
              spellCheck={false}
            />
            {suggestions ? (
              <datalist id={`${id}-${field.key}-list`}>
                {suggestions.map((value) => (
                  <option key={value} value={value} />
                ))}
              </datalist>
            ) : null}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" data-testid="events-apply">
          Apply
        </button>
        <button type="button" className="secondary" onClick={() => onApply(empty)}>
          Clear
        </button>
      </div>
    </form>
  );
}
