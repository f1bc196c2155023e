import type { CorpusCase } from './corpus-case.ts';
import { QUERY_CASES } from './query-cases.ts';
import { JSON_CASES } from './json-cases.ts';
import { VALUE_CASES } from './value-cases.ts';

/** The hand-written labelled corpus: leaks where they hide, and the look-alikes that must stay quiet. */
export const CORPUS: readonly CorpusCase[] = [...QUERY_CASES, ...JSON_CASES, ...VALUE_CASES];
