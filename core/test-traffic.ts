/**
 * The test plan's own traffic (spec/metrics.md § Test traffic): its keys are tagged, its expected 429s are
 * shown but do not fail the rate-limit target. Patterns are globs on the user id (`*` any run of characters).
 */
export const DEFAULT_TEST_KEY_PATTERNS: readonly string[] = ['test-user*', 'load-test-*', 'ratelimit-test', 'perf-test', 'reconnect-test', 'test-*'];

export type TestKeyMatcher = (userId: string) => boolean;

export function testKeyMatcher(patterns: readonly string[] = DEFAULT_TEST_KEY_PATTERNS): TestKeyMatcher {
  const regexes = patterns
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => new RegExp(`^${p.split('*').map(escapeRegex).join('.*')}$`, 'i'));
  return (userId) => regexes.some((r) => r.test(userId));
}

/** `FLIGHT_RECORDER_TEST_KEYS=a-*,b`: replaces the defaults. */
export function testKeyPatternsFrom(env: NodeJS.ProcessEnv): readonly string[] {
  const v = env['FLIGHT_RECORDER_TEST_KEYS'];
  return v === undefined || v.trim() === '' ? DEFAULT_TEST_KEY_PATTERNS : v.split(',');
}

function escapeRegex(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
