import { createHash } from 'node:crypto';
import type { RuleId } from '../../core/findings/finding.ts';
import type { Rng } from './prng.ts';

/**
 * What people ask the Bali Zero assistant, and the test plan's own queries. Queries that carry other personal
 * data (an e-mail, a phone, a card, an IBAN) keep it inside their first 50 characters, so that the `[Stream]
 * Starting stream` line (which prints only those) leaks all of it or none: the labels stay exact.
 */
export interface Query {
  text: string;
  /** Rules other than plaintext-query that the text itself triggers when it is printed in clear. */
  pii: readonly RuleId[];
}

/** spec/gdpr.md § linkable-hash: a hash of one of these is a reversible pseudonym. */
export const COMMON_QUERIES: ReadonlySet<string> = new Set([
  '', 'Hello', 'hello', 'Hi', 'hi', 'Test', 'test',
  ...Array.from({ length: 10 }, (_, i) => `Test${i + 1}`),
  ...Array.from({ length: 25 }, (_, i) => `Rate${i + 1}`),
  'Reconnect', 'What is ZANTARA?', 'What is B211A?', 'Tell me more', 'What documents do I need for B211A visa?',
]);

const SHORT: readonly string[] = [
  'How do I extend my B211A visa?',
  'What is a KITAS?',
  'Berapa biaya KITAS investor?',
  'Can I work remotely on a tourist visa?',
  'PT PMA minimum capital 2025',
  'Apa itu NPWP?',
  'Do I need an international driving permit?',
  'What is the tax rate for a PT PMA?',
  'How long does a KITAS take?',
  'Is the visa on arrival still 500k IDR?',
  'Can my spouse get a dependent KITAS?',
  'What does "on arrival" mean for VOA?',
  'Bali visa help 🙏',
  'Cara perpanjang visa turis di Bali?',
];

const LONG: readonly string[] = [
  'I am a freelance designer from Germany and want to stay in Bali for six months, which visa should I apply for?',
  'My KITAS expires next month and my sponsor company closed, what are my options to stay legally?',
  'Bagaimana cara mendirikan PT PMA untuk usaha villa di Canggu dan berapa lama prosesnya?',
  'We are a family of four moving to Ubud in January, do the kids need a separate student visa?',
  'Can I buy land in Bali as a foreigner or do I need a nominee structure, and is that legal?',
  'What documents do I need to open a bank account with a KITAS and how long does it take?',
  'Is it possible to convert a B211A business visa into an investor KITAS without leaving Indonesia?',
  'Saya WNA dengan KITAS kerja, apakah saya wajib lapor SPT tahunan dan bagaimana caranya?',
  'How much does it cost in total to set up a PT PMA including notary, licenses and the virtual office?',
  'I overstayed my visa by three days because my flight was cancelled, what is the fine and process?',
];

const COMMON_ASKED: readonly string[] = ['Hi', 'hello', 'What is ZANTARA?', 'What is B211A?', 'Tell me more'];

/** Personal data inside a query; with leaks off each is replaced by the clean query at the same index. */
const WITH_PII: readonly Query[] = [
  { text: 'Send forms to wayan.santoso@example.com please', pii: ['email'] },
  { text: 'WhatsApp me +6281234567890 about KITAS', pii: ['phone'] },
  { text: 'Charge card 4111111111111111 for my visa', pii: ['credit-card'] },
  { text: 'Refund to DE89370400440532013000 please', pii: ['iban'] },
];

/** A query whose text runs over two lines: the Starting stream line continues onto the next physical line. */
export const MULTILINE_QUERY: Query = { text: 'Hello\nI need help with my visa extension', pii: [] };

export const CONVERSATION: ReadonlyArray<{ role: string; content: string }> = [
  { role: 'user', content: 'What is B211A?' },
  { role: 'assistant', content: 'B211A is a visa...' },
];

const plain = (text: string): Query => ({ text, pii: [] });

/** An ordinary user's query. The draw is the same with leaks on or off, so both runs tell the same story. */
export function ordinaryQuery(rng: Rng, leaks: boolean): Query {
  const r = rng.next();
  const i = rng.int(0, 1000);
  if (r < 0.45) return plain(SHORT[i % SHORT.length] as string);
  if (r < 0.8) return plain(LONG[i % LONG.length] as string);
  if (r < 0.92) return plain(COMMON_ASKED[i % COMMON_ASKED.length] as string);
  if (r < 0.95) return leaks ? (WITH_PII[i % WITH_PII.length] as Query) : plain(SHORT[i % WITH_PII.length] as string);
  return plain(SHORT[(i + 7) % SHORT.length] as string);
}

/** A query above 50 characters: API clients that POST use these. */
export function longQuery(rng: Rng): Query {
  return plain(rng.pick(LONG));
}

export function shortQuery(rng: Rng): Query {
  return plain(rng.pick(SHORT));
}

const hashes = new Map<string, string>();

/** The backend's `queryHash`: the first 16 hex characters of an unsalted SHA-256 of the query. */
export function queryHash(query: string): string {
  let h = hashes.get(query);
  if (h === undefined) {
    h = createHash('sha256').update(query).digest('hex').slice(0, 16);
    hashes.set(query, h);
  }
  return h;
}

/** Every query the simulator can send (for tests). */
export function allQueries(): string[] {
  return [...COMMON_QUERIES, ...SHORT, ...LONG, ...WITH_PII.map((q) => q.text), MULTILINE_QUERY.text];
}
