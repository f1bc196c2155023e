import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner } from './scanner.ts';
import { formatPrecisionRecall, measurePrecisionRecall } from './precision-recall.ts';
import { CORPUS } from './corpus/index.ts';
import { labelled } from './corpus/corpus-case.ts';

const scanner = createScanner({ secret: Buffer.from('precision-recall-test-secret') });

test('the labelled corpus holds at least 150 hand-written cases, leaks and look-alikes', () => {
  assert.ok(CORPUS.length >= 150, `only ${CORPUS.length} cases`);
  assert.equal(new Set(CORPUS.map((c) => c.id)).size, CORPUS.length, 'case ids are unique');
  assert.ok(CORPUS.filter((c) => Object.keys(c.expect).length === 0).length >= 50, 'at least 50 look-alikes that must stay quiet');
});

test('plaintext-query and e-mail findings reach 0.99 precision and recall on the corpus', () => {
  const result = measurePrecisionRecall(labelled(CORPUS), scanner);
  console.log(formatPrecisionRecall(result));
  assert.deepEqual(result.failed, []);
  for (const rule of ['plaintext-query', 'email'] as const) {
    const score = result.byRule.find((r) => r.rule === rule);
    assert.ok(score !== undefined && score.expected > 0);
    assert.ok(score.precision >= 0.99, `${rule} precision ${score.precision}`);
    assert.ok(score.recall >= 0.99, `${rule} recall ${score.recall}`);
  }
});

test('every rule of the corpus is found exactly as labelled', () => {
  const result = measurePrecisionRecall(labelled(CORPUS), scanner);
  assert.deepEqual(result.mismatches, []);
});

test('a redacted corpus entry scans clean: nothing decodable is left of a leak', () => {
  for (const c of labelled(CORPUS)) {
    const outcome = scanner.scan(c.entry);
    const again = scanner.scan(outcome.entry);
    const left = again.findings.filter((f) => f.rule !== 'self-reported');
    assert.deepEqual(left.map((f) => `${f.rule} ${f.field}`), [], c.id);
  }
});

test('measuring counts surplus findings as false positives and missing ones as misses', () => {
  const [leak, quiet] = labelled([
    { id: 'two-emails-labelled-one', message: 'a.b@example.com and c.d@example.com', expect: { email: 1 } },
    { id: 'query-labelled-but-absent', message: 'nothing here', expect: { 'plaintext-query': 1 } },
  ]);
  const result = measurePrecisionRecall([leak!, quiet!], scanner);
  const email = result.byRule.find((r) => r.rule === 'email')!;
  const query = result.byRule.find((r) => r.rule === 'plaintext-query')!;
  assert.deepEqual([email.truePositives, email.found, email.precision, email.recall], [1, 2, 0.5, 1]);
  assert.deepEqual([query.truePositives, query.found, query.precision, query.recall], [0, 0, 1, 0]);
  assert.equal(result.mismatches.length, 2);
});
