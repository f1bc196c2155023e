import type { Hit } from './hit.ts';
import { sortFew } from './sort-few.ts';

/**
 * The text with every hit's span replaced. Overlapping spans (an e-mail inside a leaked query) merge into one
 * replacement, the one of the span that starts first (the longest on a tie): the outer leak names it.
 */
export function redactText(text: string, hits: readonly Hit[]): string {
  let spans: Hit[] | null = null;
  let single: Hit | null = null;
  for (const h of hits) {
    if (h.replacement === null || h.end <= h.start) continue;
    if (single === null) single = h;
    else (spans ??= [single]).push(h);
  }
  if (single === null) return text;
  // Most texts hold one leak: no sorting, no merging. Joined, not concatenated: a flat string, which what reads
  // it next (the identity hash, the template, the classifier) reads faster than a concatenation's rope.
  if (spans === null) return [text.slice(0, single.start), single.replacement as string, text.slice(single.end)].join('');
  sortFew(spans, byStartLongestFirst);
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

function byStartLongestFirst(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end;
}
