import type { TransportFormat } from '../entry.ts';
import { parseJsonObject, type JsonObject } from '../json-object.ts';
import { stripAnsi } from './ansi.ts';
import { NO_PREFIX, PlainLineParser } from './plain-line-parser.ts';

const MAX_LINES_LOOKED_AT = 50;
const PRETTY_FIELD = '    "';

function compactVerdict(value: JsonObject): TransportFormat | null {
  if ('fly' in value && 'event' in value) return 'nats';
  if ('meta' in value) return 'json';
  if ('level' in value && 'message' in value) return 'app';
  return null;
}

/** A line cut off by the end of the sample cannot be parsed: judge it by its keys. */
function truncatedVerdict(line: string): TransportFormat | null {
  if (line.includes('"fly":') && line.includes('"event":')) return 'nats';
  if (line.includes('"meta":')) return 'json';
  if (line.includes('"level":') && line.includes('"message":')) return 'app';
  return null;
}

/**
 * Decides the transport format from the first bytes of a stream (the first few KB):
 * a pretty-printed object (`{` alone, then a line of 4 spaces and `"`) is `fly logs --json`; compact objects are
 * NATS (`fly` + `event`), `--json` (`meta`) or an app log file (`level` + `message`, no Fly prefix); anything else,
 * including a sample with nothing recognisable, is plain `fly logs`. ANSI escapes, blank lines and lines that fit
 * no format (garbage) before the first recognisable one are skipped.
 */
export function detectFormat(sample: string): TransportFormat {
  const lines = stripAnsi(sample).replace(/^\ufeff/, '').split('\n', MAX_LINES_LOOKED_AT + 1);
  const plain = new PlainLineParser();
  const looked = Math.min(lines.length, MAX_LINES_LOOKED_AT);
  for (let i = 0; i < looked; i++) {
    const line = (lines[i] ?? '').trimEnd();
    const start = line.trimStart();
    if (start.length === 0) continue;
    if (start.charCodeAt(0) === 123) {
      if (start === '{') {
        const next = lines[i + 1];
        const sampleEnds = next === undefined || (next.trim() === '' && i + 2 >= lines.length);
        if (sampleEnds || next.startsWith(PRETTY_FIELD)) return 'json';
        continue;
      }
      const value = parseJsonObject(start);
      const verdict = value === null ? truncatedVerdict(start) : compactVerdict(value);
      if (verdict !== null) return verdict;
      continue;
    }
    if (plain.parse(line) !== NO_PREFIX) return 'plain';
  }
  return 'plain';
}
