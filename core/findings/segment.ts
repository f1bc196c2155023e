/**
 * A view of one source text (an entry's message, URL or error text), possibly decoded from JSON escapes or
 * percent-encoding. Leaks are judged on the decoded `text`, but redacted in the raw source: the view knows,
 * for every decoded position, where it came from, so a span found in decoded text maps back to a raw span that
 * covers whole escape sequences (nothing decodable is left behind).
 */
export interface Segment {
  readonly text: string;
  /**
   * Raw source offsets: `map[mapStart + i]` is where `text[i]` starts, for i in [0, text.length]. null when `text`
   * is the raw source itself from `base` on. Slices share the array (no copy).
   */
  readonly map: readonly number[] | null;
  readonly mapStart: number;
  readonly base: number;
  /** How many JSON string literals enclose this text (a bare JSON number redacted here needs its quotes escaped that often). */
  readonly jsonDepth: number;
}

export function rawSegment(text: string): Segment {
  return { text, map: null, mapStart: 0, base: 0, jsonDepth: 0 };
}

/** The raw offset of decoded position `i` (an end offset maps to the end of the escape before it). */
export function rawOffset(segment: Segment, i: number): number {
  return segment.map === null ? segment.base + i : (segment.map[segment.mapStart + i] as number);
}

export function sliceSegment(segment: Segment, start: number, end: number, jsonDepth = segment.jsonDepth): Segment {
  if (start === 0 && end === segment.text.length && jsonDepth === segment.jsonDepth) return segment;
  return { text: segment.text.slice(start, end), map: segment.map, mapStart: segment.mapStart + start, base: segment.base + start, jsonDepth };
}
