import type { Finding } from './finding.ts';

/**
 * spec/gdpr.md: "a finding is per entry and rule". The same value twice in one entry (a request's query, in both
 * its message and its url) is one leak of one value, so it is stored once, at its first place; every place is
 * redacted all the same. Distinct values stay apart: each stays findable by its own fingerprint, which subject
 * access and erasure need.
 */
export function oncePerValue(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  if (findings.length > FEW) return oncePerValueMany(findings);
  // An entry has two or three findings: comparing them beats a set of joined keys (a string made per finding).
  let kept: Finding[] | null = null;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    let again = false;
    for (let j = 0; j < i && !again; j++) {
      const g = findings[j] as Finding;
      again = g.rule === f.rule && g.fingerprint === f.fingerprint;
    }
    if (again) kept ??= findings.slice(0, i);
    else kept?.push(f);
  }
  return kept ?? findings;
}

/** Past this many findings in an entry, a set keeps the pass linear. */
const FEW = 16;

function oncePerValueMany(findings: Finding[]): Finding[] {
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
