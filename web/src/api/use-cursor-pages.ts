/**
 * A cursor-paged list as view state: back to the first page whenever what is asked changes (filters, window,
 * page size), forward with the cursor the last answer gave.
 */
import { useCallback, useEffect, useState } from 'react';
import { back, currentCursor, FIRST_PAGE, forward, pageNumber, type CursorTrail } from './cursor-pages.ts';

export interface CursorPages {
  cursor: string | null;
  page: number;
  next(nextCursor: string | null): void;
  previous(): void;
  reset(): void;
}

export function useCursorPages(queryKey: string): CursorPages {
  const [trail, setTrail] = useState<CursorTrail>(FIRST_PAGE);
  useEffect(() => setTrail(FIRST_PAGE), [queryKey]);
  const next = useCallback((nextCursor: string | null) => setTrail((current) => forward(current, nextCursor)), []);
  const previous = useCallback(() => setTrail(back), []);
  const reset = useCallback(() => setTrail(FIRST_PAGE), []);
  return { cursor: currentCursor(trail), page: pageNumber(trail), next, previous, reset };
}
