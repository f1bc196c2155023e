const SUMMARY_MAX = 300;

/** An event's one-line text: the first line of its entry's (redacted) message, cut at 300 characters. */
export function summarize(message: string): string {
  const nl = message.indexOf('\n');
  const line = nl < 0 ? message : message.slice(0, nl);
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX)}…` : line;
}
