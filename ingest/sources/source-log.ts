/** Fields of a log record: product words and figures only, never input text. */
export type LogFields = Record<string, string | number | boolean | null>;

/** How sources and the pipeline tell the service's log what they did; the service decides where it goes. */
export type SourceLog = (level: 'info' | 'warn' | 'error', message: string, fields?: LogFields) => void;
