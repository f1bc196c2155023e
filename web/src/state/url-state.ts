/**
 * What the address bar holds, so that a copied link shows the same view, window, clock and filters:
 * `?view=events&range=1h&utc=1&type=stream.fail` or `?view=live&from=…&to=…`.
 */
import { isRangePreset, type TimeRange } from './time-range.ts';

export const VIEWS = ['live', 'compliance', 'events', 'incidents', 'status'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABEL: Readonly<Record<ViewId, string>> = {
  live: 'Live staging',
  compliance: 'Compliance',
  events: 'Events',
  incidents: 'Incidents',
  status: 'Status',
};

/** Filters each view keeps in the address; `conn` opens one connection's life in the events view. */
export const VIEW_FILTERS = {
  live: [],
  compliance: ['rule', 'severity', 'status', 'finding'],
  events: ['type', 'connection', 'key', 'level', 'instance', 'q', 'conn'],
  incidents: ['incident'],
  status: [],
} as const satisfies Record<ViewId, readonly string[]>;

export type FilterKey = (typeof VIEW_FILTERS)[ViewId][number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface UrlState {
  view: ViewId;
  range: TimeRange;
  utc: boolean;
  filters: Filters;
}

export const DEFAULT_RANGE: TimeRange = { kind: 'preset', preset: '1h' };

/** Filter values are typed by people and pasted in links; anything longer is not a real filter. */
const MAX_FILTER_LENGTH = 500;

export function isView(value: string | null): value is ViewId {
  return value !== null && (VIEWS as readonly string[]).includes(value);
}

export function filterKeysOf(view: ViewId): readonly FilterKey[] {
  return VIEW_FILTERS[view];
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const viewParam = params.get('view');
  const view: ViewId = isView(viewParam) ? viewParam : 'live';
  const utcParam = params.get('utc');
  const filters: Filters = {};
  for (const key of filterKeysOf(view)) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '' && value.length <= MAX_FILTER_LENGTH) filters[key] = value;
  }
  return { view, range: parseRange(params), utc: utcParam === '1' || utcParam === 'true', filters };
}

function parseRange(params: URLSearchParams): TimeRange {
  const fromMs = parseInstant(params.get('from'));
  const toMs = parseInstant(params.get('to'));
  if (fromMs !== null && toMs !== null && fromMs < toMs) return { kind: 'custom', fromMs, toMs };
  const preset = params.get('range');
  return isRangePreset(preset) ? { kind: 'preset', preset } : DEFAULT_RANGE;
}

function parseInstant(value: string | null): number | null {
  if (value === null || value === '') return null;
  // Only ISO-8601 dates: Date.parse also takes forms like "1" that no one means as a time.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  if (state.range.kind === 'preset') {
    params.set('range', state.range.preset);
  } else {
    params.set('from', new Date(state.range.fromMs).toISOString());
    params.set('to', new Date(state.range.toMs).toISOString());
  }
  if (state.utc) params.set('utc', '1');
  for (const key of filterKeysOf(state.view)) {
    const value = state.filters[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  return `?${params.toString()}`;
}

/** Another view keeps the window and clock but not the filters, which belong to the view they were set in. */
export function withView(state: UrlState, view: ViewId, filters: Filters = {}): UrlState {
  return { ...state, view, filters };
}

export function withFilters(state: UrlState, changes: Filters): UrlState {
  const filters: Filters = { ...state.filters };
  for (const key of Object.keys(changes) as FilterKey[]) {
    const value = changes[key];
    if (value === undefined || value === '') delete filters[key];
    else filters[key] = value;
  }
  return { ...state, filters };
}
