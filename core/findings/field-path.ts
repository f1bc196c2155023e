import type { JsonNode, JsonString } from './json-spans.ts';
import type { Segment } from './segment.ts';
import { sliceSegment } from './segment.ts';
import { decodeJsonString } from './decode.ts';

/**
 * Field paths of findings (`metadata.query`, `url.conversation_history[0].content`). Keys come from the log
 * itself and could be personal data (`{"jane@example.com": …}`): a key that is not a plain identifier is shown
 * as `*`. Paths inside JSON are built lazily (most fields hold nothing to report).
 */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;

export function fieldKey(path: string, key: string): string {
  const safe = PLAIN_KEY.test(key) ? key : '*';
  return path === '' ? safe : `${path}.${safe}`;
}

export function fieldIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A JSON member (`key` set) or array item (`index`) under `parent`, named only when a finding needs it. */
export class FieldPath {
  constructor(
    readonly parent: Field,
    readonly segment: Segment,
    readonly key: JsonString | null,
    readonly index: number,
  ) {}
}

export type Field = string | FieldPath;

/** The text of a JSON key, decoded. */
export function jsonKeyName(segment: Segment, key: JsonString): string {
  return key.escaped ? decodeJsonString(sliceSegment(segment, key.start, key.end)).text : segment.text.slice(key.start, key.end);
}

export function fieldText(field: Field): string {
  if (typeof field === 'string') return field;
  const parent = fieldText(field.parent);
  return field.key === null ? fieldIndex(parent, field.index) : fieldKey(parent, jsonKeyName(field.segment, field.key));
}

/** Whether `node` holds offset `at` (an empty string holds the offset of its closing quote). */
function holds(node: JsonNode, at: number): boolean {
  return node.start <= at && at < Math.max(node.end, node.start + 1);
}

/** Where offset `at` of `text` lies in the JSON `root`: its field path, and whether it is inside a bare number. */
export function jsonFieldAt(text: string, root: JsonNode, at: number, fallback: string): { field: string; inNumber: boolean } {
  let node = root;
  let path = '';
  for (;;) {
    if (node.kind === 'object') {
      const values = node.values;
      let k = 0;
      while (k < values.length && !holds(values[k] as JsonNode, at)) k++;
      if (k === values.length) return { field: path || fallback, inNumber: false };
      const key = node.keys[k] as JsonString;
      path = fieldKey(path, text.slice(key.start, key.end));
      node = values[k] as JsonNode;
    } else if (node.kind === 'array') {
      const items = node.items;
      let index = 0;
      while (index < items.length && !holds(items[index] as JsonNode, at)) index++;
      if (index === items.length) return { field: path || fallback, inNumber: false };
      path = fieldIndex(path, index);
      node = items[index] as JsonNode;
    } else {
      return { field: path || fallback, inNumber: node.kind === 'number' };
    }
  }
}
