export type JsonObject = { [key: string]: unknown };

/**
 * Parses text that should be one JSON object; null when it is not. Never rethrows: JSON.parse's error quotes
 * its input, and input may hold personal data. The same text twice in a row is parsed once (an entry's line is
 * read by its classifier and by its leak template): callers share the object and must not modify it.
 */
export function parseJsonObject(text: string): JsonObject | null {
  if (text === lastText) return lastObject;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  lastText = text;
  lastObject = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  return lastObject;
}

let lastText: string | null = null;
let lastObject: JsonObject | null = null;

export function stringField(obj: JsonObject | null | undefined, key: string): string | null {
  const v = obj?.[key];
  return typeof v === 'string' ? v : null;
}

export function numberField(obj: JsonObject | null | undefined, key: string): number | null {
  const v = obj?.[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function objectField(obj: JsonObject | null | undefined, key: string): JsonObject | null {
  const v = obj?.[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : null;
}
