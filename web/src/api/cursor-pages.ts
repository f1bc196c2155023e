/**
 * Paging through `{items, next}` answers: the API only goes forward, so the cursors that led to each page
 * seen are kept to go back. The first page has no cursor.
 */
export type CursorTrail = readonly (string | null)[];

export const FIRST_PAGE: CursorTrail = [null];

export function currentCursor(trail: CursorTrail): string | null {
  return trail[trail.length - 1] ?? null;
}

export function forward(trail: CursorTrail, next: string | null): CursorTrail {
  return next === null ? trail : [...trail, next];
}

export function back(trail: CursorTrail): CursorTrail {
  return trail.length > 1 ? trail.slice(0, -1) : trail;
}

export function pageNumber(trail: CursorTrail): number {
  return trail.length;
}
