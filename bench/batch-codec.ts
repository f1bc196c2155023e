// What a batch costs to cross from the prepare worker to the writer: encodeBatch and structured clone's
// serializing on the worker's side, deserializing and decodeBatch on the writer's (v8.serialize and
// v8.deserialize are the structured clone postMessage does). Scanned, prepared lines, batches of 2,000.
// Usage: node --import tsx bench/batch-codec.ts [--lines N (default 200000)] [FILE (default .bench/sim-1000000.log)]
import { serialize, deserialize } from 'node:v8';
import { createKeyedHash } from '../core/findings/keyed-hash.ts';
import type { PreparedEntry } from '../core/prepare-entry.ts';
import { decodeBatch, encodeBatch } from '../ingest/prepared-batch-codec.ts';
import type { EncodedBatch } from '../ingest/prepared-batch-codec.ts';
import { BENCH_SECRET, preparedSample, sampleArgs } from './prepared-sample.ts';

const { lines, file } = sampleArgs(process.argv.slice(2));
const prepared = await preparedSample(file, lines, createKeyedHash(Buffer.from(BENCH_SECRET)));
const batches: PreparedEntry[][] = [];
for (let i = 0; i < prepared.length; i += 2000) batches.push(prepared.slice(i, i + 2000));

const ROUNDS = 5;
const runs: number[][] = [];
for (let round = 0; round < ROUNDS; round++) {
  let encode = 0, ser = 0, des = 0, decode = 0, bytes = 0;
  for (const b of batches) {
    let t = performance.now();
    const encoded = encodeBatch(b);
    encode += performance.now() - t;
    t = performance.now();
    const buffer = serialize(encoded);
    ser += performance.now() - t;
    bytes += buffer.length;
    t = performance.now();
    const received = deserialize(buffer) as EncodedBatch;
    des += performance.now() - t;
    t = performance.now();
    decodeBatch(received);
    decode += performance.now() - t;
  }
  runs.push([encode, ser, des, decode, bytes]);
}
// Each column's median: a garbage collection lands in one round and one column.
const median = (column: number): number => runs.map((r) => r[column] as number).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
const ms = (x: number): string => x.toFixed(0);
console.log(
  [
    `### Batch codec (${new Date().toISOString().slice(0, 10)}, \`node --import tsx bench/batch-codec.ts --lines ${lines}\`)`,
    '',
    `${prepared.length} prepared entries (scanned) of ${lines} lines, in ${batches.length} batches; the median of ${ROUNDS} rounds, in ms.`,
    '',
    '| encode (worker) | serialize (worker) | deserialize (writer) | decode (writer) | cloned |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${ms(median(0))} | ${ms(median(1))} | ${ms(median(2))} | ${ms(median(3))} | ${(median(4) / 1e6).toFixed(0)} MB |`,
  ].join('\n'),
);
