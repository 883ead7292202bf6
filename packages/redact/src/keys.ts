/** Built-in sensitive key names; compared after {@link normalizeKey}. */
export const DEFAULT_KEYS: readonly string[] = [
  // Passwords and shared secrets.
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'pgpassword',
  'mysql_pwd',
  'secret',
  'secrets',
  'passwords',
  'client_secret',
  'secret_key',
  'secret_access_key',
  'access_key',
  // Tokens, API keys and authorization.
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'auth',
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'bearer',
  'credentials',
  'credential',
  'csrf',
  'xsrf',
  'connection_string',
  'dsn',
  // Key material.
  'private_key',
  'privatekey',
  'signing_key',
  'master_key',
  'encryption_key',
  'decryption_key',
  'hmac_key',
  'aes_key',
  'root_key',
  'shared_key',
  'session_key',
  'app_key',
  'ssh_key',
  'pgp_key',
  'gpg_key',
  'key_material',
  'psk',
  'pre_shared_key',
  // One-time codes.
  'otp',
  'totp',
  'hotp',
  'pin',
  'pin_code',
  'mfa_code',
  'otp_code',
  'two_factor_code',
  '2fa_code',
  'verification_code',
  'recovery_code',
  'recovery_codes',
  'backup_code',
  'backup_codes',
  'auth_code',
  'authorization_code',
  'reset_code',
  'sms_code',
  // Sessions and cookies, including the session cookies of common frameworks.
  'cookie',
  'cookies',
  'set-cookie',
  'session',
  'session_id',
  'sessionid',
  'sid',
  'sess',
  'sessid',
  'phpsessid',
  'jsessionid',
  // Payment cards and bank accounts.
  'credit_card',
  'credit_card_number',
  'debit_card',
  'card_number',
  'cardnumber',
  'card_num',
  'cc_number',
  'ccnum',
  'ccn',
  'pan',
  'primary_account_number',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'card_verification_value',
  'card_security_code',
  'security_code',
  'account_number',
  'bank_account',
  'routing_number',
  'iban',
  // Identity documents and numbers.
  'ssn',
  'social_security_number',
  'national_id',
  'national_id_number',
  'national_insurance_number',
  'passport_number',
  'passport_no',
  'drivers_license',
  'driver_license',
  'drivers_license_number',
  'driver_license_number',
  'tax_id',
  'taxpayer_id',
  'itin',
  'date_of_birth',
  'dob',
  'birth_date',
  'mothers_maiden_name',
];

/**
 * Words that only qualify the secret before them: `password_confirm`, `token_value`, `passwordHash`,
 * `secret_key_base` hold the same secret as `password`, `token`, `secret_key`. Stripped from the end of a key
 * before the denylist is consulted; words like `hint`, `count`, `type` or `id` are not qualifiers, so
 * `passwordHint`, `tokenCount` and `access_key_id` stay readable.
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'confirm',
  'confirmation',
  'confirmed',
  'repeat',
  'repeated',
  'again',
  'retype',
  'verify',
  'check',
  'hash',
  'hashed',
  'digest',
  'enc',
  'encrypted',
  'plain',
  'plaintext',
  'raw',
  'value',
  'val',
  'b64',
  'base64',
  'hex',
  'pem',
  'base',
  'input',
  'field',
  'old',
  'new',
  'current',
  'prev',
  'previous',
]);

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
/** Shortest listed name also found at the end of a key written without word breaks (`dbpassword`). */
const MIN_JOINED_SUFFIX = 6;
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
  const long = [...set].filter((k) => k.length >= MIN_JOINED_SUFFIX);
  const cache = new Map<string, string | null>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const rule = set.size === 0 ? undefined : (lookup(set, key) ?? joinedSuffix(long, key));
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
  let end = words.length;
  while (end > 1 && QUALIFIERS.has(words[end - 1] as string)) end--;
  let suffix = '';
  for (let i = end - 1; i >= Math.max(0, end - MAX_SUFFIX_WORDS); i--) {
    suffix = words[i] + suffix;
    if (set.has(suffix)) return suffix;
  }
  return undefined;
}

/**
 * A key written in one lower-case run (`dbpassword`, `userphpsessid`) has no word breaks to split at: it matches
 * a listed name of at least {@link MIN_JOINED_SUFFIX} characters that it ends with. Shorter names (`pin`, `pan`,
 * `sid`) would match ordinary words (`spin`, `span`, `consid`), so they count only as whole words.
 */
function joinedSuffix(long: readonly string[], key: string): string | undefined {
  if (key.length > LONG_KEY) return undefined;
  const whole = normalizeKey(key);
  return long.find((name) => whole.length > name.length && whole.endsWith(name));
}
