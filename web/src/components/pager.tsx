/** Previous / next through a cursor-paged list, with the page size. */
import { useId } from 'react';

export const PAGE_SIZES = [50, 100, 200, 500] as const;

interface Props {
  page: number;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  limit: number;
  onLimit(limit: number): void;
  testId: string;
}

export function Pager({ page, hasNext, onPrevious, onNext, limit, onLimit, testId }: Props) {
  const id = useId();
  return (
    <nav className="pager" aria-label="Pages" data-testid={testId}>
      <button type="button" className="secondary" onClick={onPrevious} disabled={page <= 1} data-testid={`${testId}-prev`}>
        Previous
      </button>
      <span aria-live="polite">Page {page}</span>
      <button type="button" className="secondary" onClick={onNext} disabled={!hasNext} data-testid={`${testId}-next`}>
        Next
      </button>
      <label htmlFor={`${id}-limit`}>Per page</label>
      <select id={`${id}-limit`} value={limit} onChange={(event) => onLimit(Number(event.target.value))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </nav>
  );
}
