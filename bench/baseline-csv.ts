import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readEntries } from '../ingest/read-entries.ts';

/** The baseline's input: the same entries, pre-split (outside the timing) into time,provider,instance,region,level,message. */
export async function writeBaselineCsv(logFile: string, csvFile: string): Promise<void> {
  const out = createWriteStream(csvFile);
  const cell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  for await (const entries of readEntries(createReadStream(logFile, { highWaterMark: 1 << 20 }), 'plain')) {
    let text = '';
    for (const e of entries) text += `${cell(e.time)},${cell(e.provider)},${cell(e.instance)},${cell(e.region)},${cell(e.level)},${cell(e.message)}\n`;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
