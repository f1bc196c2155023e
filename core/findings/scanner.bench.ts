// The scanner's own benchmark (not a test): `node --import tsx core/findings/scanner.bench.ts [--lines N]`.
// (a) adversarial 200 KB near-matches, each must scan in < 50 ms (the patterns are linear);
// (b) N (default 1,000,000) typical staging lines, most without a leak: prints µs per line, next to
//     JSON.parse of the same lines as a yardstick measured in the same run (shared machines are noisy).
import type { LogEntry } from '../entry.ts';
import { createScanner } from './scanner.ts';
import { ADVERSARIAL_INPUTS } from './adversarial-inputs.ts';
import { benchEntry as entry, typicalEntry as typicalLine } from './bench-lines.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--lines');
const total = at >= 0 ? Number(args[at + 1]) : 1_000_000;

const scanner = createScanner({ secret: Buffer.from('benchmark-secret') });

console.log('(a) adversarial near-matches, 200 KB each');
let worstNear = 0;
let worstMatches = 0;
for (const [name, text] of ADVERSARIAL_INPUTS) {
  // As a message, then as a request URL (the two are read differently).
  const times: string[] = [];
  let findings = 0;
  let worst = 0;
  for (const e of [entry(text), { ...entry(''), http: { url: text } }]) {
    const t0 = process.cpuUsage();
    const outcome = scanner.scan(e);
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    worst = Math.max(worst, ms);
    times.push(`${ms.toFixed(1).padStart(6)} ms${outcome.failed ? ' (scan failed)' : ''}`);
    findings += outcome.findings.length;
  }
  // Inputs that match thousands of times pay per finding (a fingerprint each): not the near-match bar.
  if (findings > 100) worstMatches = Math.max(worstMatches, worst);
  else worstNear = Math.max(worstNear, worst);
  console.log(`  ${name.padEnd(34)} message ${times[0]}, url ${times[1]}  (${findings} findings)`);
}
console.log(`  worst near-match ${worstNear.toFixed(1)} ms (bar: < 50 ms); worst of the inputs with thousands of findings ${worstMatches.toFixed(1)} ms`);

const pool = Array.from({ length: 100_000 }, typicalLine);
let leaky = 0;
for (const e of pool) if (scanner.scan(e).findings.length > 0) leaky++; // also warms the JIT

// CPU time, not wall time: the machines these run on are shared, and waiting for a core is not our cost.
function time(run: (e: LogEntry) => void): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < total; i++) run(pool[i % pool.length] as LogEntry);
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / total;
}
let sink = 0;
const parse = time((e) => { if (e.message.startsWith('{')) sink += (JSON.parse(e.message) as object) === null ? 1 : 0; });
const scan = time((e) => { sink += scanner.scan(e).findings.length; });
console.log(`(b) ${total} typical lines (${((leaky / pool.length) * 100).toFixed(1)}% with a finding)`);
console.log(`  scan        ${scan.toFixed(2)} µs/line`);
console.log(`  JSON.parse  ${parse.toFixed(2)} µs/line (yardstick)`);
if (sink < 0) console.log(sink);
