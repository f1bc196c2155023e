/** JSON values as the simulated loggers write them (undefined fields are simply left out). */
export type Json = string | number | boolean | null | JsonFields | Json[];
export interface JsonFields {
  [key: string]: Json;
}

/** A JSON string literal; most log strings need no escaping, and a scan of their codes is cheaper than a regex. */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** Compact JSON; `sorted` orders keys as safe-stable-stringify (winston's `format.json()`) does. */
export function jsonText(value: Json, sorted: boolean): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return `${value}`;
  if (Array.isArray(value)) return `[${value.map((v) => jsonText(v, sorted)).join(',')}]`;
  const keys = Object.keys(value);
  if (sorted) keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += '"' + k + '":' + jsonText(value[k] as Json, sorted);
  }
  return out + '}';
}

const GO_HTML = /[<>&\u2028\u2029]/g;
const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** A string as Go's encoding/json writes it (flyctl `--json`): HTML characters escaped. */
export function goJsonString(s: string): string {
  const quoted = jsonString(s);
  return quoted.replace(GO_HTML, (c) => GO_ESCAPES[c] ?? c);
}
