import { safeDecode } from './detectors/url';

const SCHEME_AUTHORITY = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\//;
// Characters re-encoded when a scrubbed part is written back (everything but unreserved and a few sub-delims).
const UNSAFE = /[^\w\-.~!$'()*,;:@]/g;

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
    const rule = value === '' ? undefined : deps.isSensitiveParam(safeDecode(key.replace(/\+/g, ' ')));
    return `${key}=${rule === undefined ? part(value, true) : deps.censor(value, rule)}`;
  };
  const params = (query: string): string => query.split('&').map(param).join('&');
  const path = (p: string): string =>
    p
      .split('/')
      .map((s) => part(s, false))
      .join('/');
  const authority = (auth: string): string => {
    const at = auth.lastIndexOf('@');
    if (at < 0) return auth;
    const userinfo = auth.slice(0, at);
    const colon = userinfo.indexOf(':');
    const hide = (part: string) => (part === '' ? '' : deps.censor(part, 'userinfo'));
    const user = hide(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const pass = colon < 0 ? '' : `:${hide(userinfo.slice(colon + 1))}`;
    return `${user}${pass}${auth.slice(at)}`;
  };
  const redact = (url: string): string => {
    const hash = url.indexOf('#');
    const beforeHash = hash < 0 ? url : url.slice(0, hash);
    const fragment = hash < 0 ? undefined : url.slice(hash + 1);
    const q = beforeHash.indexOf('?');
    const head = q < 0 ? beforeHash : beforeHash.slice(0, q);
    let out = '';
    const prefix = SCHEME_AUTHORITY.exec(head);
    if (prefix) {
      const start = prefix[0].length;
      const slash = head.indexOf('/', start);
      const end = slash < 0 ? head.length : slash;
      out = prefix[0] + authority(head.slice(start, end)) + path(head.slice(end));
    } else {
      out = path(head);
    }
    if (q >= 0) out += `?${params(beforeHash.slice(q + 1))}`;
    if (fragment !== undefined)
      out += `#${fragment.includes('=') ? params(fragment) : part(fragment, false)}`;
    return out;
  };
  return (url) => {
    if (typeof url !== 'string') return '';
    try {
      // A scrubbed part can change how the rest parses (a censored path segment now reads as a scheme):
      // re-apply until nothing changes, as the text scanner does (not with a censor function, which must never
      // be applied to its own output).
      let out = url;
      for (let pass = 0; pass < (deps.stableCensor ? 3 : 1); pass++) {
        const next = redact(out);
        if (next === out) break;
        out = next;
      }
      return out;
    } catch {
      return deps.censor(url, 'url');
    }
  };
}
