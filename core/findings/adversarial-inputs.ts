/**
 * 200 KB texts that come close to every pattern of the scanner without ending a match: the inputs that make
 * backtracking regexes and naive rescans explode. The benchmark times them; the tests check that they stay fast.
 */
const SIZE = 200 * 1024;

function fill(unit: string, prefix = '', suffix = ''): string {
  return prefix + unit.repeat(Math.ceil((SIZE - prefix.length - suffix.length) / unit.length)) + suffix;
}

export const ADVERSARIAL_INPUTS: ReadonlyArray<readonly [string, string]> = [
  ['e-mail chain a@a.a@a.a…', fill('a@a.')],
  ['valid e-mails back to back', fill('a@a.aa ')],
  ['at signs only', fill('@')],
  ['local part then one @', fill('a.', '', '@x')],
  ['domain labels after one @', fill('a.', 'x@')],
  ['digit run 4444…', fill('4')],
  ['digits in single spaces', fill('4 ')],
  ['card groups 4111 4111 …', fill('4111 ')],
  ['digits and dashes', fill('4-')],
  ['plus numbers +1 +1 …', fill('+1 ')],
  ['phone digits after one +', fill('1 ', '+')],
  ['percent %25%25…', fill('%25')],
  ['nested percent %252525…', fill('25', '%')],
  ['percent signs only', fill('%')],
  ['unicode escapes \\u0040…', fill('\\u0040')],
  ['dotted digits 1.1.1.1.1…', fill('1.')],
  ['colon runs a:a:a:…', fill('a:')],
  ['double colons ::::', fill(':')],
  ['hex without colons', fill('f')],
  ['IBAN prefixes DE89 DE89 …', fill('DE89 ')],
  ['upper-case letters and digits', fill('AB12')],
  ['URL question marks /?/?…', fill('/?')],
  ['URL params /?q=&q=&…', fill('&q=', '/x?q=')],
  ['ampersands after one param', fill('&', '/x?query=a')],
  ['equals after one param', fill('=', '/x?query=')],
  ['query keys query: "query: "…', fill('query: "')],
  ['escaped quotes in a query value', fill('\\\\"', 'query: \\"')],
  ['stream query of 200 KB', fill('a', '[Stream] Starting stream: conn_1, query: "')],
  ['JSON arrays [[[[…', fill('[')],
  ['JSON objects {"a":{"a":…', fill('{"a":')],
  ['JSON string of escapes', fill('\\n', '{"query":"', '"}')],
  ['JSON string of backslashes', fill('\\\\', '{"message":"', '"}')],
  ['JSON of many query fields', fill('"query":"a@b",', '{', '"x":1}')],
  ['JSON in JSON in JSON', fill('\\\\\\"', '{"a":"{\\"b\\":\\"{', '}"}')],
  ['SQL with blanks', fill(' ', '{"query":"select ', 'x"}')],
  ['API key prefixes key:key:…', fill('key:')],
  ['blanks then a letter', fill(' ', '', 'x')],
];
