import fc from 'fast-check';

/** Arbitraries of hostile text: near misses of every detector, nesting, and long runs of separators. */

const pick = <T>(...items: T[]) => fc.constantFrom(...items);
const str = (re: RegExp) => fc.stringMatching(re);
const join = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));

/** Near misses: text shaped almost like what a detector finds, failing late (the case that makes regexes explode). */
export const NEAR_MISSES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  email: fc.oneof(
    join(str(/^[\w.%+-]{0,80}$/), pick('@', '@@', '@.', '@-'), str(/^[A-Za-z0-9.-]{0,40}$/)),
    join(str(/^[a-z]{1,70}$/), pick('@'), str(/^([a-z]{1,8}\.){0,12}$/), pick('', 'c', '1', '-')),
  ),
  creditCard: fc.oneof(
    str(/^\d{12,25}$/),
    join(str(/^(\d{4}[ -]){2,6}$/), str(/^\d{0,5}$/)),
    join(pick('4', '5', '37', '6011'), str(/^(\d{1,6}[ -.]){1,8}$/)),
  ),
  iban: fc.oneof(
    join(str(/^[A-Z]{2}\d{2}$/), str(/^[A-Z0-9]{8,40}$/)),
    join(str(/^[A-Z]{2}\d{2}$/), str(/^( [A-Z0-9]{2,5}){1,10}$/)),
  ),
  jwt: join(pick('eyJ', 'eyJeyJ', ' eyJ'), str(/^[\w-]{0,30}$/), pick('.', '..', ''), str(/^[\w.-]{0,40}$/)),
  bearer: fc.oneof(
    join(pick('Bearer', 'Basic', 'bearer', 'BASIC'), pick(' ', '  ', '\t', ''), str(/^[\w\-.~+/=]{0,40}$/)),
    join(
      pick('Authorization', 'Proxy-Authorization', 'authorization'),
      pick(':', ': ', ' :', '='),
      str(/^[\w .-]{0,20}$/),
      pick('', '\\', '\\r', '\r\n'),
    ),
    join(pick('AWS4-HMAC-SHA256', 'AWS4-HMAC'), pick(' ', ''), str(/^[\w=,/ -]{0,60}$/)),
  ),
  apiKey: join(
    pick(
      'AKIA',
      'ghp_',
      'github_pat_',
      'xoxb-',
      'sk_live_',
      'whsec_',
      'AIza',
      'npm_',
      'hooks.slack.com/services/',
    ),
    str(/^[A-Za-z0-9_-]{0,34}$/),
  ),
  privateKey: join(
    pick('-----BEGIN ', '-----BEGIN PGP ', '----BEGIN ', '-----END '),
    str(/^[A-Z ]{0,45}$/),
    pick('PRIVATE KEY', 'PRIVATE KEY BLOCK', 'PUBLIC KEY', ''),
    pick('-----', '----', '-'),
  ),
  phone: fc.oneof(
    join(pick('+', '++', '(', '0'), str(/^(\d{1,6}[ .()/-]{0,2}){1,12}$/)),
    join(str(/^\(\d{3}\) ?$/), str(/^[\d .-]{0,20}$/)),
  ),
  ssn: fc.oneof(str(/^\d{3}-\d{2}-\d{0,5}$/), str(/^(\d{1,4}-){1,6}$/)),
  ip: fc.oneof(str(/^(\d{1,3}\.){2,8}\d{0,4}$/), str(/^([0-9a-f]{0,4}:){2,12}[0-9a-f.]{0,15}$/)),
  url: fc.oneof(
    join(pick('http://', 'https://', 'x://', '//', 'http:/'), str(/^[\w:@%./?&=#;+-]{0,60}$/)),
    join(pick('/', '?', ' /', '=/', '(/'), str(/^[\w/;(,=?&%-]{0,60}$/)),
    join(pick('?', '&', ';'), str(/^[\w%]{0,8}$/), pick('=', '%3D', ''), str(/^[\w%@?&;=]{0,30}$/)),
  ),
  keyValue: fc.oneof(
    join(
      pick('password', 'token', 'secret', 'api_key', 'x', 'Error'),
      pick('=', ':', ': ', ' = ', '=>', ' => '),
      pick('"', "'", '\\"', '[', '', '"\\'),
      str(/^[\w :=\\"'[-]{0,40}$/),
    ),
    join(
      pick('"password":"', "'token' => '", 'secret=[', '-Dpassword=', '--token '),
      str(/^[^"'\]\s]{0,60}$/),
    ),
  ),
  markup: join(
    pick('<password>', '<input name="password" ', '<secret ', '<', '</password', '<input value="'),
    str(/^[\w ="'<>/-]{0,50}$/),
  ),
  cookie: join(pick('Cookie:', 'Set-Cookie: ', 'cookie :'), str(/^[\w =;,-]{0,50}$/), pick('', '\\', '\\n')),
  commandLine: join(
    pick('--password ', '-u ', '-u "', "-u '", 'mysql -p', '-p', '--user='),
    str(/^[\w:'" -]{0,40}$/),
  ),
};

/** A URL nested in its own query value `depth` times, with a credential or PII at each level or none. */
export const nestedUrl = fc
  .tuple(
    pick(
      'http://a/?x=',
      'http://u:p@a/?x=',
      'https://a.io/b@c.com?next=',
      'http://a/?x=b@c.com#',
      '/r?to=',
      'http://a/?token=1&x=',
    ),
    fc.integer({ min: 1, max: 400 }),
    pick('y', 'http://u:p@z/', 'a@b.co', ''),
  )
  .map(([unit, depth, tail]) => unit.repeat(depth) + tail);

/** JSON inside JSON strings, `depth` times, around a sensitive pair. */
export const nestedJson = fc
  .tuple(fc.integer({ min: 1, max: 12 }), pick('password', 'token', 'note'), str(/^[\w]{1,12}$/))
  .map(([depth, key, value]) => {
    let s: string = JSON.stringify({ [key]: value });
    for (let i = 0; i < depth; i++) s = JSON.stringify({ msg: s });
    return s;
  });

/** Quotes inside quotes, unbalanced. */
export const nestedQuotes = fc
  .tuple(fc.integer({ min: 1, max: 40 }), pick('"', "'", '\\"', '`'), pick('token=', 'a: ', 'x'))
  .map(([depth, q, inner]) => `${q}${inner}`.repeat(depth));

/** The separators detectors split on, as long runs. */
export const SEPARATORS = [
  '=',
  ':',
  '@',
  '-',
  '.',
  ' ',
  '&',
  '%',
  ';',
  '?',
  '/',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '+',
  '_',
  '\t',
];

/** Long runs of one separator, alone or after a key, scheme or address that makes a detector look at them. */
export const separatorRun = fc
  .tuple(
    pick(...SEPARATORS),
    fc.integer({ min: 1, max: 300 }),
    pick(
      '',
      'password',
      'token=',
      'a@b',
      'http://',
      '4111',
      'Bearer ',
      'Cookie: ',
      '<password>',
      '--token ',
      'eyJ',
    ),
  )
  .map(([sep, n, head]) => head + sep.repeat(n));

/** Every family above, by name. */
export const ADVERSARIAL: Readonly<Record<string, fc.Arbitrary<string>>> = {
  ...NEAR_MISSES,
  nestedUrl,
  nestedJson,
  nestedQuotes,
  separatorRun,
};

/** About `bytes` characters of one family's output: samples glued together (no spaces, the hardest case). */
export function fill(arb: fc.Arbitrary<string>, bytes: number, seed = 42): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    for (const s of fc.sample(arb, { numRuns: 200, seed: seed + parts.length })) {
      parts.push(s);
      size += s.length;
    }
  }
  return parts.join('').slice(0, bytes);
}
