import type { Hit } from './hit.ts';

/**
 * The text with every hit's span replaced. Overlapping spans (an e-mail inside a leaked query) merge into one
 * replacement, the one of the span that starts first (the longest on a tie): the outer leak names it.
 */
export function redactText(text: string, hits: readonly Hit[]): string {
  const spans = hits.filter((h) => h.replacement !== null && h.end > h.start);
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let at = 0;
  let i = 0;
  while (i < spans.length) {
    const first = spans[i] as Hit;
    let end = first.end;
    i++;
    while (i < spans.length && (spans[i] as Hit).start < end) {
      end = Math.max(end, (spans[i] as Hit).end);
      i++;
    }
    out.push(text.slice(at, first.start), first.replacement as string);
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}
