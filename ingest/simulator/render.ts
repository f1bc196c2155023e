import type { TransportFormat } from '../../core/entry.ts';
import { BAD_UTF8_TEXT, TRUNCATED_WINSTON, bigLine } from './garbage-text.ts';
import { goJsonString, jsonString } from './json-text.ts';
import type { HttpMeta, LineRecord, Machine, OutRecord } from './record.ts';
import { nanoTime, plainTime } from './timestamps.ts';
import { appMessage, winstonJson } from './winston-json.ts';

const FAINT = '\x1b[2m';
const RESET = '\x1b[0m';
const GREEN = '\x1b[32m';
const APP_NAME = 'nuzantara-backend';

/** flyctl's levelColor: cyan debug, blue info, yellow warn, red anything else. */
function levelColor(level: string): string {
  switch (level) {
    case 'debug':
      return '\x1b[36m';
    case 'info':
      return '\x1b[34m';
    case 'warn':
    case 'warning':
      return '\x1b[33m';
    default:
      return '\x1b[31m';
  }
}

/** A record's text in one transport format, exactly as that transport would carry it. */
export class Renderer {
  /** `provider[instance] region [level]`, coloured, by machine, provider and level. */
  private readonly prefixes = new Map<Machine, Record<string, string>>();

  constructor(
    readonly format: TransportFormat,
    private readonly quirks: boolean,
  ) {}

  render(rec: OutRecord): string {
    if (rec.kind === 'garbage') return (rec.variant === 'bad-utf8' ? BAD_UTF8_TEXT : bigLine()) + '\n';
    if (rec.kind === 'truncated') return this.truncated(rec.machine, rec.ms);
    switch (this.format) {
      case 'json':
        return this.flyJson(rec);
      case 'nats':
        return this.nats(rec);
      case 'app':
        return typeof rec.body === 'string' ? rec.body + '\n' : winstonJson(rec.body, rec.ms) + '\n';
      default:
        return this.plain(rec);
    }
  }

  /** The entry's message as Fly carries it (a leading space is one of flyctl's quirks). */
  message(rec: LineRecord): string {
    const text = appMessage(rec.body, rec.ms);
    return this.quirks && rec.space ? ' ' + text : text;
  }

  /** render/logs.go with HideAllocID and HideRegion: `error.message` first, then time, source, region, level, fields. */
  private plain(rec: LineRecord): string {
    const http = rec.http;
    let out = http !== null && http.errorMessage !== '' ? `${FAINT}error.message=${RESET}"${http.errorMessage}" ` : '';
    out += `${FAINT}${plainTime(rec.ms)}${RESET} ${this.prefix(rec)}`;
    if (http !== null) out += httpFields(http);
    if (http === null || http.errorMessage === '') out += this.message(rec);
    return out + '\n';
  }

  private prefix(rec: LineRecord): string {
    let byKind = this.prefixes.get(rec.machine);
    if (byKind === undefined) {
      byKind = {};
      this.prefixes.set(rec.machine, byKind);
    }
    const kind = rec.level === 'info' ? rec.provider : rec.provider + ' ' + rec.level;
    let p = byKind[kind];
    if (p === undefined) {
      p = `${rec.provider}[${rec.machine.id}] ${GREEN}${rec.machine.region}${RESET} [${levelColor(rec.level)}${rec.level}${RESET}]`;
      byKind[kind] = p;
    }
    return p;
  }

  /** `fly logs --json`: Go's encoder with a 4-space indent, every field present. */
  private flyJson(rec: LineRecord): string {
    const http = rec.http;
    const id = rec.machine.id;
    const region = rec.machine.region;
    return `{
    "level": "${rec.level}",
    "instance": "${id}",
    "message": ${goJsonString(this.message(rec))},
    "region": "${region}",
    "timestamp": "${nanoTime(rec.ms, rec.sub)}",
    "meta": {
        "Instance": "${id}",
        "Region": "${region}",
        "Event": {
            "Provider": "${rec.provider}"
        },
        "HTTP": {
            "Request": {
                "ID": ${goJsonString(http?.requestId ?? '')},
                "Method": ${goJsonString(http?.method ?? '')},
                "Version": "${http === null ? '' : 'HTTP/1.1'}"
            },
            "Response": {
                "status_code": ${http?.status ?? 0}
            }
        },
        "Error": {
            "Code": 0,
            "Message": ${goJsonString(http?.errorMessage ?? '')}
        },
        "URL": {
            "Full": ${goJsonString(http?.url ?? '')}
        }
    }
}
`;
  }

  /** Fly's NATS log stream (what fly-log-shipper reads): one compact object per message, no HTTP fields. */
  private nats(rec: LineRecord): string {
    const m = rec.machine;
    return `{"event":{"provider":"${rec.provider}"},"fly":{"app":{"instance":"${m.id}","name":"${APP_NAME}"},"region":"${m.region}"},"host":"${m.host}","log":{"level":"${rec.level}"},"message":${jsonString(this.message(rec))},"timestamp":"${nanoTime(rec.ms, rec.sub)}"}\n`;
  }

  /** A record cut short: in plain an entry whose JSON message is cut, elsewhere an object that never closes. */
  private truncated(m: Machine, ms: number): string {
    const message = TRUNCATED_WINSTON;
    switch (this.format) {
      case 'json':
        return `{\n    "level": "info",\n    "instance": "${m.id}",\n    "message": ${goJsonString(message).slice(0, 60)}\n`;
      case 'nats':
        return `{"event":{"provider":"app"},"fly":{"app":{"instance":"${m.id}","name":"${APP_NAME}"},"region":"${m.region}"},"host":"${m.host}","log":{"level":"info"},"message":${jsonString(message).slice(0, 50)}\n`;
      case 'app':
        return message + '\n';
      default:
        return `${FAINT}${plainTime(ms)}${RESET} app[${m.id}] ${GREEN}${m.region}${RESET} [${levelColor('info')}info${RESET}]${message}\n`;
    }
  }
}

function httpFields(http: HttpMeta): string {
  let out = `${FAINT}request.method=${RESET}"${http.method}" `;
  out += `${FAINT}request.url=${RESET}"${http.url}" `;
  out += `${FAINT}request.id=${RESET}"${http.requestId}" `;
  out += `${FAINT}response.status=${RESET}${http.status} `;
  return out;
}

