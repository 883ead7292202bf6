// Label names that make one series per user, request or URL (and usually carry PII or secrets). A name is
// split into words (`_`, `-`, `.`, spaces, camelCase), so `auth_token`, `client_ip_address`, `userEmail` and
// `x_request_id` are caught by the term they contain, not only by an exact spelling.
const PER_USER = 'one series per user or customer, and the value is personal data';
const PER_REQUEST = 'one series per request, session or trace';
const RAW_URL =
  'raw URLs and paths carry ids and query strings (one series per URL); use a route template label';
const ADDRESS = 'one series per client address or agent, and the value is personal data';
const SECRET = 'label values are scraped in clear text; never put credentials in a metric';

// Found anywhere in the name with separators removed: long enough not to occur inside honest words.
const FRAGMENTS: ReadonlyMap<string, string> = new Map([
  ...['userid', 'username', 'customerid', 'accountid', 'memberid', 'personid', 'patientid', 'employeeid'].map(
    (n) => [n, PER_USER] as const,
  ),
  ...['email', 'phonenumber', 'firstname', 'lastname', 'fullname', 'birthdate', 'dateofbirth'].map(
    (n) => [n, PER_USER] as const,
  ),
  ...['requestid', 'reqid', 'correlationid', 'traceid', 'spanid', 'session', 'sessid', 'idempotency'].map(
    (n) => [n, PER_REQUEST] as const,
  ),
  ...['fullurl', 'urlfull', 'urlpath', 'urlquery', 'querystring', 'requesturi', 'requestpath'].map(
    (n) => [n, RAW_URL] as const,
  ),
  ...['ipaddress', 'clientip', 'clientaddress', 'remoteaddr', 'remoteip', 'useragent', 'forwardedfor'].map(
    (n) => [n, ADDRESS] as const,
  ),
  ...['token', 'password', 'passwd', 'passphrase', 'secret', 'apikey', 'authorization', 'cookie'].map(
    (n) => [n, SECRET] as const,
  ),
  ...['credential', 'privatekey', 'passcode', 'bearer', 'csrf', 'cardnumber', 'iban'].map(
    (n) => [n, SECRET] as const,
  ),
]);

// Matched only as a whole word: short terms that also occur inside honest words (`zip`, `guide`, `xpath`).
const WORDS: ReadonlyMap<string, string> = new Map([
  ...['uid', 'mail', 'phone', 'ssn', 'dob', 'id', 'ids', 'uuid', 'guid'].map((n) => [n, PER_USER] as const),
  ...['sid'].map((n) => [n, PER_REQUEST] as const),
  ...['url', 'uri', 'href', 'path', 'query'].map((n) => [n, RAW_URL] as const),
  ...['ip', 'ipv4', 'ipv6', 'addr', 'address'].map((n) => [n, ADDRESS] as const),
  ...['pwd', 'pin', 'otp', 'mfa', 'jwt', 'cvv'].map((n) => [n, SECRET] as const),
]);

// A whole word that is bounded although it contains a fragment: LLM token counts and tokenizer names.
const HONEST_WORDS = new Set(['tokens', 'tokenizer']);
// `url_scheme`, `path_template`, `query_type`: the next word makes a URL/path word a bounded enum.
const BOUNDED_QUALIFIERS = new Set(['scheme', 'template', 'pattern', 'type', 'kind', 'style', 'format']);
// Refused only as the whole name: `id` or `address` alone says nothing bounded, while `shard_id` or
// `server_address` may be (person and request ids, client addresses are fragments).
const ALONE_ONLY = new Set(['id', 'ids', 'address']);

/** Why a label name is forbidden, and the term of the name that makes it so. */
export interface ForbiddenLabel {
  /** The forbidden term found in the name, normalised (`token`, `ipaddress`, `url`). */
  term: string;
  /** Why such a label is refused. */
  reason: string;
}

/** Lower-case words of a name: `_`, `-`, `.`, spaces and camelCase humps separate words. */
export function labelNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Lower case with `_`, `-`, `.` and spaces removed, so naming styles compare equal. */
export function normaliseLabelName(name: string): string {
  return labelNameWords(name).join('');
}

function wordRule(words: readonly string[], index: number): ForbiddenLabel | undefined {
  const word = words[index] ?? '';
  const reason = WORDS.get(word);
  if (reason === undefined) return undefined;
  if (ALONE_ONLY.has(word) && words.length > 1) return undefined;
  if (reason === RAW_URL && BOUNDED_QUALIFIERS.has(words[index + 1] ?? '')) return undefined;
  return { term: word, reason };
}

/**
 * Why a label (or attribute) name is forbidden, or `undefined` when it is allowed. Linear in the name.
 * @example forbiddenLabel('client_ip_address') // { term: 'ipaddress', reason: 'one series per client address …' }
 */
export function forbiddenLabel(name: string): ForbiddenLabel | undefined {
  const words = labelNameWords(name);
  const joined = words.map((w) => (HONEST_WORDS.has(w) ? '.' : w)).join('');
  for (const [term, reason] of FRAGMENTS) if (joined.includes(term)) return { term, reason };
  for (let i = 0; i < words.length; i++) {
    const found = wordRule(words, i);
    if (found) return found;
  }
  return undefined;
}

/** Every forbidden term in normalised form: fragments found anywhere, then whole words (for docs and tests). */
export const FORBIDDEN_LABEL_NAMES: readonly string[] = Object.freeze([...FRAGMENTS.keys(), ...WORDS.keys()]);
