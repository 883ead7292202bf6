/** Built-in sensitive key names; compared after {@link normalizeKey}. */
export const DEFAULT_KEYS: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'pgpassword',
  'mysql_pwd',
  'secret',
  'secrets',
  'passwords',
  'cookies',
  'client_secret',
  'secret_key',
  'secret_access_key',
  'access_key',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'auth',
  'authorization',
  'cookie',
  'set-cookie',
  'session',
  'session_id',
  'sessionid',
  'credentials',
  'credential',
  'private_key',
  'privatekey',
  'bearer',
  'credit_card',
  'card_number',
  'cardnumber',
  'cvv',
  'cvc',
  'ssn',
  'x-api-key',
  'proxy-authorization',
  'connection_string',
  'dsn',
];

/** Extra names that are sensitive only as URL query keys (OpenTelemetry semantic conventions + OAuth). */
export const URL_QUERY_KEYS: readonly string[] = [
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'AWSAccessKeyId',
  'Signature',
  'sig',
  'X-Goog-Signature',
  'X-Goog-Credential',
  'code',
  'key',
  'client_assertion',
];

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
const NON_ALNUM = /[^a-z0-9]/g;
const CACHE_LIMIT = 4096;
/** Keys longer than this are not cached, and only their tail is split into words. */
const LONG_KEY = 256;
/** No listed name has more words than this, so only this many trailing words are tried. */
const MAX_SUFFIX_WORDS = 6;

/** Lower-cases and drops every non-alphanumeric character: `API_KEY`, `api-key`, `apiKey` → `apikey`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(NON_ALNUM, '');
}

/** Splits a key into lower-case words at case changes and separators; trailing numbers are dropped. */
export function splitWords(key: string): string[] {
  const words = (key.match(WORD) ?? []).map((w) => w.toLowerCase());
  while (words.length > 1 && /^\d+$/.test(words[words.length - 1] ?? '')) words.pop();
  return words;
}

/** Returns the matching denylist entry, or `undefined`; results are cached per raw key. */
export type KeyMatcher = (key: string) => string | undefined;

/**
 * Compiles a matcher: a key is sensitive when its normalised form, or the normalised form of any trailing
 * run of its words, is in the list (`dbPassword` and `stripe_api_key` match, `tokenCount` and `author` do not).
 */
export function createKeyMatcher(names: readonly string[]): KeyMatcher {
  const set = new Set(names.map(normalizeKey).filter((k) => k.length > 0));
  const cache = new Map<string, string | null>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const rule = set.size === 0 ? undefined : lookup(set, key);
    if (key.length <= LONG_KEY) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, rule ?? null);
    }
    return rule;
  };
}

function lookup(set: ReadonlySet<string>, key: string): string | undefined {
  const whole = normalizeKey(key);
  if (set.has(whole)) return whole;
  // For a long key split only its tail, dropping the first (possibly cut) word: keeps the work linear.
  const words = key.length <= LONG_KEY ? splitWords(key) : splitWords(key.slice(-LONG_KEY)).slice(1);
  let suffix = '';
  for (let i = words.length - 1; i >= Math.max(0, words.length - MAX_SUFFIX_WORDS); i--) {
    suffix = words[i] + suffix;
    if (set.has(suffix)) return suffix;
  }
  return undefined;
}
