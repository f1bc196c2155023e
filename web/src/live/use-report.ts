/**
 * The report of the chosen range for a view: from the live socket when it serves this window (see
 * report-source.ts), else fetched from `GET /api/report`, and fetched again on a relative window's schedule.
 */
import type { Report } from '../../../core/report.ts';
import { useConnection, useLive } from '../app/hooks.ts';
import { reportPath } from '../api/query.ts';
import { useResource } from '../api/use-resource.ts';
import type { ResolvedWindow, TimeRange } from '../state/time-range.ts';
import { useWindow } from '../state/use-window.ts';
import { chooseReportSource, coversSpan, type ReportSource } from './report-source.ts';
import { rangeSpanMs } from '../state/time-range.ts';

export interface ReportView {
  report: Report | null;
  error: unknown;
  loading: boolean;
  source: ReportSource;
  /** The window asked for (exports use it); a live report carries its own in `report.window`. */
  window: ResolvedWindow;
  reload(): void;
}

export function useReport(range: TimeRange): ReportView {
  const liveReport = useLive((data) => data.report);
  const { phase } = useConnection();
  const source = chooseReportSource(range, liveReport, phase === 'live');
  const { window, refresh } = useWindow(range, source.kind === 'fetch' ? source.refreshMs : null);
  const fetched = useResource<Report>(source.kind === 'fetch' ? reportPath(window) : null);
  if (source.kind === 'live') {
    return { report: liveReport, error: null, loading: false, source, window, reload: refresh };
  }
  // While the socket is down the last live report of this window stays on screen, beside the fetch's error.
  const lastLive = range.kind === 'preset' && liveReport !== null && coversSpan(liveReport, rangeSpanMs(range)) ? liveReport : null;
  return { report: fetched.data ?? lastLive, error: fetched.error, loading: fetched.loading, source, window, reload: fetched.reload };
}
