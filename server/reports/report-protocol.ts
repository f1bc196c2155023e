import type { Report } from '../../core/report.ts';
import type { ReportRequest } from '../../core/store/queries/build-report.ts';

/** What the report thread is started with: the store to read. Its secret is found as the service finds it. */
export interface ReportThreadData {
  path: string;
}

export type ToReportThread = { id: number; request: ReportRequest };

/**
 * A report; or a window with too many buckets (a usage error the caller explains, rebuilt from its count); or
 * the class of the error that stopped it (never its text: an error may quote stored data).
 */
export type FromReportThread = { id: number; report: Report } | { id: number; tooManyBuckets: number } | { id: number; failed: string };
