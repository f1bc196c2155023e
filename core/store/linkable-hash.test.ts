import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openTestStore, TEST_SECRET } from './queries/test-store.ts';
import { createScanner } from '../findings/scanner.ts';

const scanner = createScanner({ secret: Buffer.from(TEST_SECRET) });
const QUERY = 'How do I renew the KITAS of my wife Maria Santoso';
const HASH = createHash('sha256').update(QUERY).digest('hex').slice(0, 16);

function auditOpen(sec: number, conn: string): string {
  const line = { level: 'info', message: '[AUDIT]', operation: 'stream.chat', userEmail: '[REDACTED]', ipAddress: '[REDACTED]', endpoint: '/chat-stream', method: 'GET', success: true, metadata: { connectionId: conn, queryHash: HASH, queryLength: QUERY.length }, gdprCompliant: true };
  return `2026-11-20T10:00:${String(sec).padStart(2, '0')}Z app[e2862692b79d68] sin [info] ${JSON.stringify(line)}`;
}

function leak(sec: number, conn: string): string {
  return `2026-11-20T10:00:${String(sec).padStart(2, '0')}Z app[e2862692b79d68] sin [info] [Stream] Starting stream: ${conn}, query: "${QUERY}"`;
}

for (const order of ['audit line first, its query leaked later', 'query leaked first, then the audit line'] as const) {
  test(`a queryHash whose query leaked is flagged and leaves the stored text and the event's text: ${order}`, (t) => {
    const first = order.startsWith('audit') ? auditOpen(1, 'conn_audit_1') : leak(1, 'conn_leak_1');
    const second = order.startsWith('audit') ? leak(30, 'conn_leak_1') : auditOpen(30, 'conn_audit_1');
    const ts = openTestStore([first], { scanner });
    t.after(() => ts.cleanup());
    ts.ingest([second]);
    const db = ts.store.db;
    assert.deepEqual(db.prepare("SELECT field FROM findings WHERE rule = 'linkable-hash'").pluck().all(), ['metadata.queryHash']);
    const texts = [
      ...db.prepare<[], string>('SELECT message FROM entries').pluck().all(),
      ...db.prepare<[], string>('SELECT message FROM events').pluck().all(),
    ];
    assert.ok(texts.some((m) => m.includes('[REDACTED:linkable-hash]')));
    assert.ok(texts.every((m) => !m.includes(HASH) && !m.includes('KITAS')));
    const openEvent = db.prepare<[], string>("SELECT message FROM events WHERE connection_id = 'conn_audit_1'").pluck().get();
    assert.match(openEvent ?? '', /\[REDACTED:linkable-hash\]/);
  });
}
