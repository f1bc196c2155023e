import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import type { LogEntry } from '../entry.ts';
import { COMMON_QUERIES, SCAN_FAILED, createScanner } from './scanner.ts';

const SECRET = Buffer.from('scanner-test-secret');
const scanner = createScanner({ secret: SECRET });
const hmac = (v: string): string => createHmac('sha256', SECRET).update(v, 'utf8').digest('hex');
const queryHash = (q: string): string => createHash('sha256').update(q, 'utf8').digest('hex').slice(0, 16);

function entry(message: string, http?: LogEntry['http']): LogEntry {
  return {
    time: '2026-11-20T09:14:03Z', timeMs: 1795252443000, precision: 'second', instance: '4d895d5ec41638', provider: 'app',
    region: 'sin', level: 'info', message, format: 'plain', unparsed: false, lines: message.split('\n').length,
    ...(http === undefined ? {} : { http }),
  };
}

test('an entry with nothing to find comes back as the same object, with no findings', () => {
  const e = entry('{"level":"info","message":"[Stream] First token latency: 45ms for conn_1732190000000_k3j2h1g0f"}');
  const outcome = scanner.scan(e);
  assert.equal(outcome.entry, e);
  assert.deepEqual([outcome.findings, outcome.leakedQueryHashes, outcome.queryHashMac, outcome.failed], [[], [], null, false]);
});

test('the stream line is redacted to the end of the entry, continuation lines and quotes included', () => {
  const message = '[Stream] Starting stream: conn_1, query: "my "secret" question\nwith a second line..."';
  const outcome = scanner.scan(entry(message));
  assert.equal(outcome.entry.message, '[Stream] Starting stream: conn_1, query: [REDACTED:plaintext-query]');
  const [finding] = outcome.findings;
  assert.ok(finding !== undefined);
  assert.equal(message.slice(finding.start, finding.end), '"my "secret" question\nwith a second line..."');
  assert.deepEqual(
    { rule: finding.rule, severity: finding.severity, source: finding.source, field: finding.field, length: finding.length, preview: finding.preview },
    { rule: 'plaintext-query', severity: 'high', source: 'message', field: 'message', length: 39, preview: 'my…39' },
  );
  assert.equal(finding.fingerprint, hmac('my "secret" question\nwith a second line'));
});

test('a finding holds no plaintext: the preview keeps two characters, an e-mail only its domain', () => {
  const outcome = scanner.scan(entry('{"userEmail":"Jane.Doe@Example.com","metadata":{"query":"What is ZANTARA?"}}'));
  const byRule = Object.fromEntries(outcome.findings.map((f) => [f.rule, f]));
  assert.equal(byRule['email']?.preview, '…@example.com');
  assert.equal(byRule['email']?.field, 'userEmail');
  assert.equal(byRule['email']?.fingerprint, hmac('jane.doe@example.com'), 'e-mails are fingerprinted lower-cased');
  assert.equal(byRule['plaintext-query']?.preview, 'Wh…16');
  assert.equal(byRule['plaintext-query']?.field, 'metadata.query');
  const shown = JSON.stringify(outcome.findings);
  for (const secret of ['Jane', 'Doe', 'ZANTARA']) assert.ok(!shown.includes(secret), secret);
});

test('a redacted JSON line is still JSON, a bare card number becoming a string', () => {
  const message = JSON.stringify({ level: 'info', message: 'pay', card: 4111111111111111, body: JSON.stringify({ query: 'hi there', n: 5555555555554444 }) });
  const outcome = scanner.scan(entry(message));
  const parsed = JSON.parse(outcome.entry.message) as { card: string; body: string };
  assert.equal(parsed.card, '[REDACTED:credit-card]');
  assert.deepEqual(JSON.parse(parsed.body), { query: '[REDACTED:plaintext-query]', n: '[REDACTED:credit-card]' });
  assert.deepEqual(outcome.findings.map((f) => f.field), ['card', 'body.query', 'body.n']);
});

test('a doubly encoded e-mail is judged decoded and redacted with all of its raw encoding', () => {
  const message = 'Request started: GET /api/v2/users?email=john%2540example.com&page=2';
  const outcome = scanner.scan(entry(message));
  assert.equal(outcome.entry.message, 'Request started: GET /api/v2/users?email=[REDACTED:email]&page=2');
  const [f] = outcome.findings;
  assert.equal(message.slice(f!.start, f!.end), 'john%2540example.com');
  assert.deepEqual([f!.field, f!.length, f!.fingerprint], ['url.email', 16, hmac('john@example.com')]);
});

test('each message of a conversation history in a URL is its own finding, at its own raw span', () => {
  const history = encodeURIComponent(JSON.stringify([{ role: 'user', content: 'What is B211A?' }, { role: 'assistant', content: 'B211A is a visa…' }]));
  const message = `Request started: GET /api/v2/bali-zero/chat-stream?query=Tell%20me%20more&conversation_history=${history}`;
  const outcome = scanner.scan(entry(message));
  assert.deepEqual(outcome.findings.map((f) => f.field), ['url.query', 'url.conversation_history[0].content', 'url.conversation_history[1].content']);
  assert.equal(decodeURIComponent(message.slice(outcome.findings[1]!.start, outcome.findings[1]!.end)), 'What is B211A?');
  assert.ok(!outcome.entry.message.includes('B211A'));
  assert.ok(outcome.entry.message.includes('%22role%22%3A%22assistant%22'), 'the roles are kept');
});

test("the proxy's request URL and error text are scanned and redacted as their own sources", () => {
  const e = entry('request failed', { method: 'GET', url: '/api/v2/bali-zero/chat-stream?query=What is B211A?', errorMessage: 'upstream refused jane@example.com', status: 502 });
  const outcome = scanner.scan(e);
  assert.deepEqual(outcome.findings.map((f) => [f.source, f.rule, f.field]), [
    ['http.url', 'plaintext-query', 'url.query'],
    ['http.errorMessage', 'email', 'error.message'],
  ]);
  assert.deepEqual(outcome.entry.http, { method: 'GET', url: '/api/v2/bali-zero/chat-stream?query=[REDACTED:plaintext-query]', errorMessage: 'upstream refused [REDACTED:email]', status: 502 });
  assert.equal(e.http?.url, '/api/v2/bali-zero/chat-stream?query=What is B211A?', 'the input entry is not changed');
});

test('leaked queries are handed on as keyed hashes of the backend query hash, for linking across entries', () => {
  const outcome = scanner.scan(entry('[Stream] Starting stream: conn_1, query: "How do I renew a KITAS?..."'));
  assert.deepEqual(outcome.leakedQueryHashes, [hmac(queryHash('How do I renew a KITAS?'))]);
  assert.equal(outcome.queryHashMac, null);
});

test('a request log that writes its URL twice yields one fingerprint, and the status after the URL is not part of the query', () => {
  const url = '/api/v2/bali-zero/chat-stream?query=Can+my+spouse+get+a+dependent+KITAS%3F';
  const outcome = scanner.scan(entry(JSON.stringify({ level: 'http', message: `Request completed: GET ${url} - 200`, url, ip: '182.189.79.86' })));
  const queries = outcome.findings.filter((f) => f.rule === 'plaintext-query');
  assert.deepEqual(queries.map((f) => [f.field, f.fingerprint]), [
    ['url.query', hmac('Can my spouse get a dependent KITAS?')],
    ['url.query', hmac('Can my spouse get a dependent KITAS?')],
  ]);
  assert.deepEqual(outcome.leakedQueryHashes, [hmac(queryHash('Can my spouse get a dependent KITAS?'))]);
  assert.ok(outcome.entry.message.includes('?query=[REDACTED:plaintext-query] - 200'));
  assert.equal(outcome.findings.filter((f) => f.rule === 'ip-address').length, 1);
});

test("an audit line's queryHash is handed on keyed, and flagged when it is the hash of a common query", () => {
  const rare = queryHash('How do I renew a KITAS in Denpasar?');
  const open = (hash: string): string => JSON.stringify({ level: 'info', message: '[AUDIT]', operation: 'stream.chat', metadata: { connectionId: 'conn_1', queryHash: hash, queryLength: 5 }, gdprCompliant: true });
  const quiet = scanner.scan(entry(open(rare)));
  assert.deepEqual([quiet.findings, quiet.queryHashMac], [[], hmac(rare)]);
  const common = queryHash('Hello');
  const linked = scanner.scan(entry(open(common)));
  assert.equal(linked.queryHashMac, hmac(common));
  assert.deepEqual(linked.findings.map((f) => [f.rule, f.field, f.fingerprint, f.preview]), [['linkable-hash', 'metadata.queryHash', hmac(common), `${common.slice(0, 2)}…16`]]);
  assert.ok(!linked.entry.message.includes(common), 'the reversible pseudonym is redacted');
  assert.ok(COMMON_QUERIES.includes('Rate25') && COMMON_QUERIES.includes('Test10') && COMMON_QUERIES.includes(''));
});

test('the common queries can be configured', () => {
  const custom = createScanner({ secret: SECRET, commonQueries: ['Halo'] });
  const line = (q: string): LogEntry => entry(`{"message":"[AUDIT]","metadata":{"queryHash":"${queryHash(q)}"}}`);
  assert.equal(custom.scan(line('Halo')).findings.length, 1);
  assert.equal(custom.scan(line('Hello')).findings.length, 0);
});

test("an audit line's own gdprCompliant:false is reported and left as written", () => {
  const message = '{"level":"warn","message":"[AUDIT]","operation":"stream.chat","success":false,"gdprCompliant":false}';
  const outcome = scanner.scan(entry(message));
  assert.equal(outcome.entry.message, message);
  assert.deepEqual(outcome.findings.map((f) => [f.rule, f.severity, f.field, message.slice(f.start, f.end)]), [['self-reported', 'medium', 'gdprCompliant', 'false']]);
});

test('a rate-limit key keeps only the first 4 characters of an API key, and is no finding', () => {
  const outcome = scanner.scan(entry('🚨 Rate limit exceeded for key:sk_live_ab12 on /chat-stream'));
  assert.equal(outcome.entry.message, '🚨 Rate limit exceeded for key:sk_l… on /chat-stream');
  assert.deepEqual(outcome.findings, []);
});

test('an e-mail used as a JSON key is redacted, and the key is not shown in the field path', () => {
  const outcome = scanner.scan(entry('{"message":"counts","counts":{"jane@example.com":3}}'));
  assert.deepEqual(outcome.findings.map((f) => f.field), ['counts']);
  assert.equal(outcome.entry.message, '{"message":"counts","counts":{"[REDACTED:email]":3}}');
});

test('one entry holds one finding per leak', () => {
  const outcome = scanner.scan(entry('to a@example.com, b@example.com; card 4111 1111 1111 1111; +62 812-3456-7890; from 203.0.113.7'));
  assert.deepEqual(outcome.findings.map((f) => f.rule), ['email', 'email', 'credit-card', 'phone', 'ip-address']);
  assert.equal(outcome.entry.message, 'to [REDACTED:email], [REDACTED:email]; card [REDACTED:credit-card]; [REDACTED:phone]; from [REDACTED:ip-address]');
});

test('a scan that fails withholds the whole entry instead of throwing', () => {
  const broken = { ...entry('x'), message: 42 as unknown as string, http: { url: '/x?query=secret', errorMessage: 'oops' } };
  const outcome = scanner.scan(broken);
  assert.equal(outcome.failed, true);
  assert.deepEqual([outcome.entry.message, outcome.entry.http?.url, outcome.entry.http?.errorMessage], [SCAN_FAILED, SCAN_FAILED, SCAN_FAILED]);
  assert.deepEqual(outcome.findings, []);
});

test('fingerprint is the HMAC-SHA-256 of a value with the secret, and differs with another secret', () => {
  assert.equal(scanner.fingerprint('jane@example.com'), hmac('jane@example.com'));
  assert.notEqual(createScanner({ secret: Buffer.from('other') }).fingerprint('jane@example.com'), hmac('jane@example.com'));
});

test('a URL read in an earlier entry reads again as it would afresh: an audit line of security keeps its addresses', () => {
  // Read query strings are remembered across entries; what their findings depend on besides their text must be too.
  const fresh = createScanner({ secret: SECRET });
  const url = '/login?ip=203.0.113.9&q=hello';
  const found = (message: string): string[] => fresh.scan(entry(message)).findings.map((f) => `${f.rule} ${f.field}`);
  const both = ['ip-address url.ip', 'plaintext-query url.q'];
  assert.deepEqual(found(`GET ${url}`), both);
  assert.deepEqual(found(`{"message":"[AUDIT]","operation":"security.login","path":"${url}"}`), ['plaintext-query url.q']);
  assert.deepEqual(found(`GET ${url}`), both);
  assert.deepEqual(found(JSON.stringify({ message: 'x', body: JSON.stringify({ path: url }) })), both);
});
