import { isSessionParam, safeDecode } from './detectors/url';

const SCHEME_AUTHORITY = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\//;
// Characters re-encoded when a scrubbed part is written back (everything but unreserved and a few sub-delims).
const UNSAFE = /[^\w\-.~!$'()*,;:@]/g;
/**
 * URLs inside URL parts (a `?next=` value) are scrubbed too, but only this many levels deep: a deeper URL is
 * censored whole. With nested passes limited to one, this keeps `redactUrl` and `redactText` linear in the input
 * however the URLs nest (`http://a/?x=http://a/?x=...`).
 */
const MAX_NESTING = 2;
const PASSES = 3;

/** What {@link createUrlRedactor} needs: which query keys are sensitive, a text scanner and the URL censor. */
export interface UrlRedactorDeps {
  readonly isSensitiveParam: (key: string) => string | undefined;
  readonly scan: (text: string) => string;
  readonly censor: (value: string, rule: string) => string;
  /** True when the censor is a fixed string, so re-applying the redaction is safe. */
  readonly stableCensor: boolean;
}

/**
 * Compiles `redactUrl`: userinfo replaced, sensitive query (and fragment) values replaced with the key kept,
 * PII and tokens in path segments and other values scrubbed. Works on relative and malformed URLs; never throws.
 */
export function createUrlRedactor(deps: UrlRedactorDeps): (url: string) => string {
  const part = (raw: string, plus: boolean): string => {
    const decoded = safeDecode(plus ? raw.replace(/\+/g, ' ') : raw);
    const scanned = deps.scan(decoded);
    return scanned === decoded ? raw : scanned.replace(UNSAFE, encodeURIComponent);
  };
  const param = (pair: string): string => {
    const eq = pair.indexOf('=');
    if (eq < 0) return part(pair, true);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const rule = value === '' ? undefined : sensitiveParam(safeDecode(key.replace(/\+/g, ' ')));
    return `${key}=${rule === undefined ? part(value, true) : deps.censor(value, rule)}`;
  };
  const sensitiveParam = (key: string) => (isSessionParam(key) ? 'session' : deps.isSensitiveParam(key));
  const params = (query: string): string => query.split('&').map(param).join('&');
  // A path segment may carry `;name=value` parameters (`/cart;jsessionid=XYZ`).
  const segment = (s: string): string => {
    const semi = s.indexOf(';');
    if (semi < 0) return part(s, false);
    return `${part(s.slice(0, semi), false)};${s
      .slice(semi + 1)
      .split(';')
      .map(param)
      .join(';')}`;
  };
  const path = (p: string): string => p.split('/').map(segment).join('/');
  const hide = (part: string) => (part === '' ? '' : deps.censor(part, 'userinfo'));
  const userinfo = (info: string): string => {
    const colon = info.indexOf(':');
    return colon < 0 ? hide(info) : `${hide(info.slice(0, colon))}:${hide(info.slice(colon + 1))}`;
  };
  const authority = (auth: string): string => {
    const at = auth.lastIndexOf('@');
    return at < 0 ? auth : `${userinfo(auth.slice(0, at))}${auth.slice(at)}`;
  };
  const redact = (url: string): string => {
    const prefix = SCHEME_AUTHORITY.exec(url)?.[0];
    const at = prefix === undefined ? -1 : unencodedPasswordEnd(url, prefix.length);
    if (prefix !== undefined && at >= 0) {
      // What follows the last `@` holds no further userinfo: it is redacted as the rest of this URL.
      const rest = redact(prefix + url.slice(at + 1)).slice(prefix.length);
      return `${prefix}${userinfo(url.slice(prefix.length, at))}@${rest}`;
    }
    const hash = url.indexOf('#');
    const beforeHash = hash < 0 ? url : url.slice(0, hash);
    const fragment = hash < 0 ? undefined : url.slice(hash + 1);
    const q = beforeHash.indexOf('?');
    const head = q < 0 ? beforeHash : beforeHash.slice(0, q);
    let out = '';
    if (prefix !== undefined) {
      const slash = head.indexOf('/', prefix.length);
      const end = slash < 0 ? head.length : slash;
      out = prefix + authority(head.slice(prefix.length, end)) + path(head.slice(end));
    } else {
      out = path(head);
    }
    if (q >= 0) out += `?${params(beforeHash.slice(q + 1))}`;
    if (fragment !== undefined)
      out += `#${fragment.includes('=') ? params(fragment) : part(fragment, false)}`;
    return out;
  };
  let depth = 0;
  return (url) => {
    if (typeof url !== 'string') return '';
    if (depth >= MAX_NESTING) return deps.censor(url, 'url');
    depth++;
    try {
      // A scrubbed part can change how the rest parses (a censored path segment now reads as a scheme):
      // re-apply until nothing changes, as the text scanner does (not with a censor function, which must never
      // be applied to its own output). A nested URL gets one pass: the outer passes cover it.
      let out = url;
      const passes = deps.stableCensor && depth === 1 ? PASSES : 1;
      for (let pass = 0; pass < passes; pass++) {
        const next = redact(out);
        if (next === out) break;
        out = next;
      }
      return out;
    } catch {
      return deps.censor(url, 'url');
    } finally {
      depth--;
    }
  };
}

/**
 * Where the userinfo of `scheme://user:pa/ss@host` ends when the password was written unencoded and holds `/`,
 * `?` or `#` (a URL parser would read it as a path): the last `@`, when `user:` stands before the first of those
 * characters and no `@` does. Digits alone after the colon are a port (`host:8080/@handle`); returns -1 then, and
 * for every URL whose authority parses normally.
 */
function unencodedPasswordEnd(url: string, start: number): number {
  const at = url.lastIndexOf('@');
  const delimiter = url.slice(start).search(/[/?#]/) + start;
  if (at < start || delimiter < start || delimiter > at) return -1;
  const authority = url.slice(start, delimiter);
  const colon = authority.indexOf(':');
  if (colon < 0 || authority.includes('@') || /^\d*$/.test(authority.slice(colon + 1))) return -1;
  return at;
}
