import type { HttpFields, LogEntry } from '../entry.ts';
import { skipEscapes, stripAnsi } from './ansi.ts';
import { closingQuote, parseHttpFields } from './http-fields.ts';
import { parseTimestamp, type ParsedTimestamp } from './timestamp.ts';
import { isDigit } from '../char-class.ts';

/** The line does not start with a `fly logs` prefix: it continues the entry above, or stands alone. */
export const NO_PREFIX = 'no-prefix';
/** The line has the prefix's shape but its timestamp is not a real date-time: an unparsed record. */
export const BAD_TIME = 'bad-time';
export type PlainLineResult = LogEntry | typeof NO_PREFIX | typeof BAD_TIME;

/** Colour escapes as flyctl prints them (SGR); other escapes are stripped before a second attempt. */
const COLOURS = '(?:\\x1b\\[[0-9;]*m)*';
const NAME = '[A-Za-z0-9_.\\-]';
/**
 * `<timestamp> <provider>[<instance>] <region> [<level>]`, colours allowed around every part. Sticky, so it only
 * matches where it is started. Every repeated class is disjoint from what follows it, so a failing line is
 * rejected in one pass without backtracking; one native match costs less than reading the prefix char by char.
 * Groups: 1 timestamp, 2 source (`provider[instance]`, `[instance]`, or one bare word), 3 region, 4 level.
 */
const PREFIX = new RegExp(
  `${COLOURS}(\\d{4}-\\d\\d-[0-9T:.,+\\-Zz]{1,40})${COLOURS} ${COLOURS}(${NAME}{0,60}(?:\\[${NAME}{0,60}\\])?)`
    + `${COLOURS} ${COLOURS}(${NAME}{0,32})${COLOURS} ${COLOURS}\\[${COLOURS}(${NAME}{0,20})${COLOURS}\\]`,
  'y',
);
const ERROR_MESSAGE = 'error.message=';
/** Fly machine ids: 14 lowercase hex digits. A bare source word of that shape is an instance, not a provider. */
const MACHINE_ID = /^[0-9a-f]{14}$/;

/** Where `error.message="…" ` ends, if the line starts with it (flyctl prints it before the timestamp). */
interface ErrorMessageAt {
  text: string;
  end: number;
}

function leadingErrorMessage(line: string): ErrorMessageAt | null {
  const at = skipEscapes(line, 0);
  if (!line.startsWith(ERROR_MESSAGE, at)) return null;
  const open = skipEscapes(line, at + ERROR_MESSAGE.length);
  if (line.charCodeAt(open) !== 34) return null;
  // The value is not escaped (`"%s"`), so it ends at the first `" ` followed by a timestamp.
  let from = open;
  for (;;) {
    const close = closingQuote(line, from);
    if (close === -1) return null;
    const next = skipEscapes(line, close + 2);
    if (isDigit(line.charCodeAt(next)) && line.charCodeAt(next + 4) === 45) {
      const text = line.slice(open + 1, close);
      return { text: text.indexOf('\x1b') === -1 ? text : stripAnsi(text), end: close + 2 };
    }
    from = close + 1;
  }
}

/**
 * Parses one line of plain `fly logs` output:
 *
 *     [error.message="…" ]<timestamp> <provider>[<instance>] <region> [<level>][<http fields>]<message>
 *
 * The line is read in place with its ANSI colours (skipped, never kept): copying every line to strip them
 * would cost more than parsing it. flyctl prints `provider[instance]`, or only `provider`, or only the instance
 * (log-formats.md says `[instance]`; render/logs.go prints it bare): all three are read. The message is what
 * follows `]` and the HTTP fields, with one leading space removed when there is one (`[info]Pulling` and
 * `[info] {"level"…` both occur). Keeps the last timestamp it parsed: consecutive lines mostly share their second.
 */
export class PlainLineParser {
  private lastToken = '';
  private lastTime: ParsedTimestamp | null = null;

  parse(line: string): PlainLineResult {
    const first = line.charCodeAt(0);
    // Fast rejection of continuation lines: a prefix starts with a digit, a colour, or `error.message=`.
    if (!isDigit(first) && first !== 27 && first !== 101) return NO_PREFIX;
    let result = this.parseFrom(line);
    if (result === NO_PREFIX && line.indexOf('\x1b') !== -1) {
      const plain = stripAnsi(line);
      if (plain !== line) result = this.parseFrom(plain);
    }
    return result;
  }

  private parseFrom(line: string): PlainLineResult {
    let errorMessage: string | null = null;
    PREFIX.lastIndex = 0;
    let match = PREFIX.exec(line);
    if (match === null) {
      const leading = leadingErrorMessage(line);
      if (leading === null) return NO_PREFIX;
      errorMessage = leading.text;
      PREFIX.lastIndex = leading.end;
      match = PREFIX.exec(line);
      if (match === null) return NO_PREFIX;
    }
    let at = PREFIX.lastIndex;

    let provider = '';
    let instance = '';
    const source = match[2] ?? '';
    const bracket = source.indexOf('[');
    if (bracket !== -1) {
      provider = source.slice(0, bracket);
      instance = source.slice(bracket + 1, -1);
    } else if (MACHINE_ID.test(source)) {
      instance = source;
    } else {
      provider = source;
    }

    const time = this.time(match[1] ?? '');
    if (time === null) return BAD_TIME;

    let http: HttpFields | null = null;
    const fields = parseHttpFields(line, at);
    if (fields !== null) {
      http = fields.http;
      at = fields.end;
    }
    if (errorMessage !== null) {
      http ??= {};
      http.errorMessage = errorMessage;
    }

    let message = at >= line.length ? '' : line.slice(at);
    if (message.indexOf('\x1b') !== -1) message = stripAnsi(message);
    if (message.charCodeAt(0) === 32) message = message.slice(1);

    const entry: LogEntry = {
      time: time.time,
      timeMs: time.timeMs,
      precision: time.fractional ? 'subsecond' : 'second',
      instance,
      provider,
      region: match[3] ?? '',
      level: match[4] ?? '',
      message,
      format: 'plain',
      unparsed: false,
      lines: 1,
    };
    if (http !== null) entry.http = http;
    return entry;
  }

  private time(token: string): ParsedTimestamp | null {
    if (token === this.lastToken) return this.lastTime;
    const parsed = parseTimestamp(token);
    this.lastToken = token;
    this.lastTime = parsed;
    return parsed;
  }
}
