import { reportPath, type WindowQuery } from '../api/query.ts';

/** The report of a window as downloads: Markdown, CSV and JSON (the session cookie goes along on this origin). */
export function ExportLinks({ window, label }: { window: WindowQuery; label: string }) {
  const stamp = window.from.slice(0, 16).replace(/[:T]/g, '-');
  return (
    <div className="export-links" role="group" aria-label={label}>
      <a className="button" href={reportPath(window, 'md')} download={`flight-recorder-${stamp}.md`} data-testid="export-md">
        Report (.md)
      </a>
      <a className="button" href={reportPath(window, 'csv')} download={`flight-recorder-${stamp}.csv`} data-testid="export-csv">
        Series (.csv)
      </a>
      <a className="button" href={reportPath(window, 'json')} download={`flight-recorder-${stamp}.json`} data-testid="export-json">
        Report (.json)
      </a>
    </div>
  );
}
