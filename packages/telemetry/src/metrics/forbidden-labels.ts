// Label names that make one series per user, request or URL (and usually carry PII). Compared after
// normalising: lower case, separators removed, so `userId`, `user-id` and `USER_ID` all match `userid`.
const PER_USER = 'one series per user or customer, and the value is personal data';
const PER_REQUEST = 'one series per request, session or trace';
const RAW_URL =
  'raw URLs and paths carry ids and query strings (one series per URL); use a route template label';
const ADDRESS = 'one series per client address or agent, and the value is personal data';
const SECRET = 'label values are scraped in clear text; never put credentials in a metric';

const FORBIDDEN: ReadonlyMap<string, string> = new Map([
  ...['userid', 'username', 'uid', 'customerid', 'accountid', 'memberid', 'tenantuserid'].map(
    (n) => [n, PER_USER] as const,
  ),
  ...['email', 'emailaddress', 'mail', 'phone', 'phonenumber', 'firstname', 'lastname', 'fullname'].map(
    (n) => [n, PER_USER] as const,
  ),
  ...['requestid', 'reqid', 'correlationid', 'traceid', 'spanid', 'sessionid', 'sid', 'idempotencykey'].map(
    (n) => [n, PER_REQUEST] as const,
  ),
  ...['path', 'urlpath', 'url', 'uri', 'fullurl', 'urlfull', 'href', 'query', 'querystring'].map(
    (n) => [n, RAW_URL] as const,
  ),
  ...['ip', 'ipaddress', 'clientip', 'clientaddress', 'remoteaddr', 'remoteaddress', 'useragent'].map(
    (n) => [n, ADDRESS] as const,
  ),
  ...['token', 'password', 'secret', 'apikey', 'authorization', 'cookie'].map((n) => [n, SECRET] as const),
]);

/** Lower case with `_`, `-`, `.` and spaces removed, so naming styles compare equal. */
export function normaliseLabelName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Why a label name is forbidden, or `undefined` when it is allowed. */
export function forbiddenLabelReason(name: string): string | undefined {
  return FORBIDDEN.get(normaliseLabelName(name));
}

/** Every forbidden label name in normalised form (for documentation and tests). */
export const FORBIDDEN_LABEL_NAMES: readonly string[] = Object.freeze([...FORBIDDEN.keys()]);
