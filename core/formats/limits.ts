/**
 * Bounds that keep memory flat whatever the input (a stream of garbage, a line with no end): every buffer the
 * readers hold is capped by one of these.
 */

/** Continuation lines join the entry above them up to these sizes (log-formats.md §1a); past them they stand alone. */
export const MAX_ENTRY_LINES = 1000;
export const MAX_ENTRY_BYTES = 1 << 20;

/** Unparsed records waiting for a parsed entry to borrow its time from are held up to these sizes. */
export const MAX_HELD_LINES = 1000;
export const MAX_HELD_BYTES = 1 << 20;

/** A physical line longer than this (in UTF-16 code units) is cut; the pieces after the first stand alone. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * A `--json` object bigger than this is not a log entry flyctl could print (its message is capped like any
 * entry): it is kept as unparsed records instead of being buffered further.
 */
export const MAX_OBJECT_LINES = 1000;
export const MAX_OBJECT_CHARS = 4 << 20;
