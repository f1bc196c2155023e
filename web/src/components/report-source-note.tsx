/** Says where the figures on screen come from and how fresh they are. */
import type { ReportSource } from '../live/report-source.ts';
import type { Report } from '../../../core/report.ts';
import { TimeText } from './time-text.tsx';

export function ReportSourceNote({ source, report }: { source: ReportSource; report: Report }) {
  let how: string;
  if (source.kind === 'live') how = 'live, updated at most once a second';
  else if (source.refreshMs === null) how = 'fixed window';
  else how = `refreshed every ${Math.round(source.refreshMs / 1000)} s`;
  return (
    <p className="source-note" data-testid="report-source" data-source={source.kind}>
      <TimeText value={report.window.from} /> – <TimeText value={report.window.to} /> · {report.entries} entries · {how}
    </p>
  );
}
