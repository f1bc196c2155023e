import type { Finding } from './finding.ts';

/**
 * spec/gdpr.md: "a finding is per entry and rule". The same value twice in one entry (a request's query, in both
 * its message and its url) is one leak of one value, so it is stored once, at its first place; every place is
 * redacted all the same. Distinct values stay apart: each stays findable by its own fingerprint, which subject
 * access and erasure need.
 */
export function oncePerValue(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const key = `${f.rule}\n${f.fingerprint}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  return kept.length === findings.length ? findings : kept;
}
