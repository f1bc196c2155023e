/**
 * Test fixtures: log text rendered the way its producers render it, written from their sources (flyctl's
 * internal/render/logs.go and render.JSON, fly-log-shipper's NATS messages, winston's json format), so tests
 * read realistic bytes rather than hand-typed approximations.
 */

/** flyctl's logs.LogEntry (what the log API returns and `--json` prints). */
export interface FlyLogEntry {
  level: string;
  instance: string;
  message: string;
  region: string;
  timestamp: string;
  meta: {
    Instance: string;
    Region: string;
    Event: { Provider: string };
    HTTP: { Request: { ID: string; Method: string; Version: string }; Response: { status_code: number } };
    Error: { Code: number; Message: string };
    URL: { Full: string };
  };
}

export interface FlyLogFields {
  level?: string;
  instance?: string;
  message?: string;
  region?: string;
  timestamp?: string;
  provider?: string;
  method?: string;
  requestId?: string;
  url?: string;
  status?: number;
  errorCode?: number;
  errorMessage?: string;
}

export function flyLogEntry(fields: FlyLogFields): FlyLogEntry {
  const instance = fields.instance ?? '4d895d5ec41638';
  const region = fields.region ?? 'sin';
  return {
    level: fields.level ?? 'info',
    instance,
    message: fields.message ?? '',
    region,
    timestamp: fields.timestamp ?? '2026-11-20T09:14:03.123456789Z',
    meta: {
      Instance: instance,
      Region: region,
      Event: { Provider: fields.provider ?? 'app' },
      HTTP: { Request: { ID: fields.requestId ?? '', Method: fields.method ?? '', Version: '' }, Response: { status_code: fields.status ?? 0 } },
      Error: { Code: fields.errorCode ?? 0, Message: fields.errorMessage ?? '' },
      URL: { Full: fields.url ?? '' },
    },
  };
}

const ESC = '\x1b';
/** aurora's colouring: `ESC[<code>m` … `ESC[0m`. */
function colour(code: number, text: string): string {
  return `${ESC}[${code}m${text}${ESC}[0m`;
}
const faint = (text: string): string => colour(2, text);
const green = (text: string): string => colour(32, text);

function levelColour(level: string): number {
  switch (level) {
    case 'debug': return 36;
    case 'info': return 34;
    case 'warn':
    case 'warning': return 33;
    default: return 31;
  }
}

/** Go's time.Format(time.RFC3339): whole seconds. */
function rfc3339Seconds(timestamp: string): string {
  return new Date(Date.parse(timestamp.replace(/(\.\d{3})\d+/, '$1'))).toISOString().slice(0, 19) + 'Z';
}

/**
 * One entry as `fly logs` prints it (render.LogEntry with HideAllocID, RemoveNewlines, HideRegion), colours
 * included: flyctl prints them even when piped. Ends with '\n'.
 */
export function renderPlain(entry: FlyLogEntry, options: { colours?: boolean } = {}): string {
  const colours = options.colours ?? true;
  const dim = colours ? faint : (t: string) => t;
  const region = colours ? green : (t: string) => t;
  const level = colours ? (t: string) => colour(levelColour(t), t) : (t: string) => t;
  let before = '';
  let line = `${dim(rfc3339Seconds(entry.timestamp))} `;
  const provider = entry.meta.Event.Provider;
  if (provider !== '') line += entry.instance !== '' ? `${provider}[${entry.instance}]` : provider;
  else if (entry.instance !== '') line += entry.instance;
  line += ` ${region(entry.region)} [${level(entry.level)}]`;
  const field = (name: string, value: string | number): string =>
    typeof value === 'string' ? (value !== '' ? `${dim(name + '=')}"${value}" ` : '') : value > 0 ? `${dim(name + '=')}${value} ` : '';
  line += field('error.code', entry.meta.Error.Code);
  const errorMessage = field('error.message', entry.meta.Error.Message);
  before += errorMessage;
  line += field('request.method', entry.meta.HTTP.Request.Method);
  line += field('request.url', entry.meta.URL.Full);
  line += field('request.id', entry.meta.HTTP.Request.ID);
  line += field('response.status', entry.meta.HTTP.Response.status_code);
  if (errorMessage === '') line += entry.message;
  return before + line + '\n';
}

/** Go's json.Encoder escapes <, > and & (SetEscapeHTML defaults to true). */
function goEscapeHtml(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** One entry as `fly logs --json` prints it: render.JSON, a json.Encoder with 4-space indent. Ends with '\n'. */
export function renderJson(entry: FlyLogEntry): string {
  return goEscapeHtml(JSON.stringify(entry, null, 4)) + '\n';
}

/** The same entry as one compact line of JSON. */
export function renderCompactJson(entry: FlyLogEntry): string {
  return goEscapeHtml(JSON.stringify(entry)) + '\n';
}

/** One message of Fly's NATS log stream, as fly-log-shipper receives it (no trailing newline). */
export function natsMessage(fields: { provider?: string; instance?: string; app?: string; region?: string; level?: string; message?: string; timestamp?: string }): string {
  return JSON.stringify({
    event: { provider: fields.provider ?? 'app' },
    fly: { app: { instance: fields.instance ?? '0e286551c30586', name: fields.app ?? 'nuzantara-backend' }, region: fields.region ?? 'sjc' },
    host: '0ad1',
    log: { level: fields.level ?? 'info' },
    message: fields.message ?? '',
    timestamp: fields.timestamp ?? '2026-11-20T09:14:03.660159411Z',
  });
}

/** A winston JSON line of the backend (format.timestamp() + format.json(): `timestamp` is toISOString()). */
export function winstonLine(fields: Record<string, unknown>): string {
  return JSON.stringify({ level: 'info', service: 'nuzantara-backend', timestamp: '2026-11-20T09:14:03.123Z', ...fields });
}

/** The fields every successful `stream.chat` audit line of the backend starts with (log-formats.md §2), in its order. */
export const STREAM_CHAT_AUDIT = {
  message: '[AUDIT]',
  operation: 'stream.chat',
  userEmail: '[REDACTED]',
  ipAddress: '[REDACTED]',
  endpoint: '/chat-stream',
  method: 'GET',
  success: true,
} as const;

/** The backend's audit line for a stream that opened (log-formats.md §2). */
export function auditOpenLine(connectionId: string, timestamp = '2026-11-20T09:14:03.100Z'): string {
  return winstonLine({
    ...STREAM_CHAT_AUDIT,
    metadata: { connectionId, queryHash: 'e3b0c44298fc1c14', queryLength: 12 },
    gdprCompliant: true,
    timestamp,
  });
}
