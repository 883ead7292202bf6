import fc from 'fast-check';

/**
 * fast-check arbitraries that plant secrets the way real checks leak them: in free text the redactor is
 * documented to scrub, under sensitive keys of every naming style, and inside every error shape health reads.
 */

/** A distinctive secret value: 16–24 letters and digits, never found in a body by chance. */
export const secret = fc
  .stringMatching(/^[A-Za-z0-9]{14,22}$/)
  .map((tail) => `Zk${tail}`)
  .filter((value) => /[0-9]/.test(value) && /[a-z]/.test(value.slice(2)));

const hostname = fc.constantFrom('db.internal', '10.0.0.7', 'cache', 'mq.prod.example.com', 'cluster0');
const user = fc.constantFrom('app', 'admin', 'guest', 'svc_orders', 'u');

/** Free text that carries `value` in a form the text scrubber must censor. */
export function textCarrying(value: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom('postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp', 'https'),
        user,
        hostname,
      )
      .map(([scheme, name, host]) => `connect ${scheme}://${name}:${value}@${host}:5432/orders failed`),
    fc
      .constantFrom('password', 'PASSWORD', 'pwd', 'token', 'secret', 'client_secret', 'api_key', 'passwd')
      .map((key) => `rejected ${key}=${value}`),
    fc.constantFrom('token', 'password', 'apiKey').map((key) => `{"${key}":"${value}"}`),
    fc.constant(`Server=db;User Id=sa;Password=${value};`),
    fc.constant(`upstream said Authorization: Bearer ${value}`),
    fc.constant(`callback https://idp.example.com/cb?access_token=${value}&state=1`),
    fc.constant(`no mailbox ${value}@example.com`),
  );
}

const SENSITIVE_WORDS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apiKey',
  'accessToken',
  'refreshToken',
  'privateKey',
  'credentials',
  'authorization',
  'cookie',
  'sessionId',
  'connectionString',
  'dsn',
  'clientSecret',
];

/** A sensitive detail key in any naming style, alone or after a qualifier: `db_password`, `session.id`, `X-API-KEY`. */
export const sensitiveKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('session.id', 'enduser.credential', 'db.connection_string', 'x-api-key', 'set-cookie'),
  fc
    .tuple(
      fc.constantFrom('', 'db', 'primary', 'redis', 'stripe', 'upstream'),
      fc.constantFrom(...SENSITIVE_WORDS),
      fc.constantFrom('snake', 'camel', 'kebab', 'dotted', 'upper'),
    )
    .map(([qualifier, word, style]) => styled([...(qualifier ? [qualifier] : []), ...words(word)], style)),
);

function words(camel: string): string[] {
  return camel.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
}

function styled(parts: string[], style: string): string {
  if (style === 'camel')
    return parts.map((p, i) => (i === 0 ? p : p[0]?.toUpperCase() + p.slice(1))).join('');
  if (style === 'kebab') return parts.join('-');
  if (style === 'dotted') return parts.join('.');
  if (style === 'upper') return parts.join('_').toUpperCase();
  return parts.join('_');
}

/** Every shape of thrown value health reads a message from, carrying `text` somewhere it is read. */
export function thrownCarrying(text: string): fc.Arbitrary<unknown> {
  return fc
    .constantFrom<() => unknown>(
      () => new Error(text),
      () => new TypeError(text),
      () => new Error('query failed', { cause: new Error(text) }),
      () => new Error('', { cause: new Error(text) }),
      () => new AggregateError([new Error(text), new Error('second')], ''),
      () => new AggregateError([new Error('first')], text),
      () => Object.assign(new Error(''), { code: text }),
      () => Object.assign(new Error(''), { name: text }),
      () => text,
      () => ({ message: text }),
    )
    .map((make) => make());
}

/** `true` when `haystack` holds any 8-character run of `value` (a cut or partly censored secret counts). */
export function holdsPartOf(haystack: string, value: string): boolean {
  for (let i = 0; i + 8 <= value.length; i++) if (haystack.includes(value.slice(i, i + 8))) return true;
  return false;
}
