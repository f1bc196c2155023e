import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPublicIpv4, findPublicIpv6, parseIpv6 } from './detect-ip.ts';

function spans(find: (text: string, out: number[]) => void, text: string): string[] {
  const out: number[] = [];
  find(text, out);
  const found: string[] = [];
  for (let k = 0; k < out.length; k += 2) found.push(text.slice(out[k], out[k + 1]));
  return found;
}

test('public IPv4 addresses are found, private and special ones are not', () => {
  assert.deepEqual(spans(findPublicIpv4, '203.0.113.7 8.8.8.8:53 10.0.0.1 172.16.4.18 192.168.1.1 127.0.0.1 169.254.1.1 0.0.0.0 100.64.0.1 224.0.0.1'), ['203.0.113.7', '8.8.8.8']);
});

test('versions, dates and dotted runs are not IPv4 addresses', () => {
  assert.deepEqual(spans(findPublicIpv4, 'v1.2.3.4 1.2.3.4.5 01.02.03.04 20.11.2026 300.1.1.1'), []);
});

test('public IPv6 addresses are found; loopback, link-local and the Fly private network are not', () => {
  assert.deepEqual(spans(findPublicIpv6, '2a02:1210:5c00:1::1 [2001:db8::1]:443 ::1 fe80::1 fdaa:0:1:a7b:1f2:5:c4d1:2 [fdaa::3]:4223 ::ffff:10.0.0.1'), ['2a02:1210:5c00:1::1', '2001:db8::1']);
});

test('times, MAC addresses and C++ scopes are not IPv6 addresses', () => {
  assert.deepEqual(spans(findPublicIpv6, '09:14:03 de:ad:be:ef:00:01 std::string a::b::c'), []);
});

test('IPv6 text parses into eight groups, with :: and a dotted tail', () => {
  assert.deepEqual(parseIpv6('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIpv6('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
  assert.equal(parseIpv6('1::2::3'), null);
  assert.equal(parseIpv6('1:2:3'), null);
});

test('addresses are read from the text as the capturing regex reads them', () => {
  // The finder reads each match back from its end instead of capturing its groups: the same spans whatever surrounds them.
  const capturing = /(?<![0-9A-Za-z_.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![0-9A-Za-z_]|\.\d)/g;
  const reference = (text: string): string[] => {
    const found: string[] = [];
    for (const m of text.matchAll(capturing)) {
      const o = [m[1], m[2], m[3], m[4]] as string[];
      if (o.some((s) => (s.length > 1 && s.startsWith('0')) || Number(s) > 255)) continue;
      const [a, b] = o.map(Number) as [number, number];
      if (a === 0 || a === 10 || a === 127 || a >= 224 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) continue;
      found.push(m[0]);
    }
    return found;
  };
  const pieces = ['8', '.', '25', '255', '256', '0', '01', '100', '64', ' ', 'a', '_', ':', '203', '113', '9.'];
  let seed = 3;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 20_000; i++) {
    let text = '';
    for (let k = 1 + Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
    assert.deepEqual(spans(findPublicIpv4, text), reference(text), text);
  }
});
