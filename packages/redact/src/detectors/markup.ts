import { CHAR } from './facts';
import { isPlainValue } from './plain-value';
import type { Detector, Replace } from './types';

// `<password>x</password>`: an element with a sensitive name and text content. Attributes and content stop at the
// next `<`, so each `<` starts at most one linear read.
const ELEMENT = /<([A-Za-z_][\w.:-]{0,63})((?:[ \t\r\n][^<>]*)?)>([^<]+)<\/\1[ \t]*>/g;
// A start tag with attributes, e.g. `<input name="password" value="x">`.
const TAG = /<[A-Za-z][\w:-]{0,63}[ \t\r\n][^<>]*>/g;
const ATTRIBUTE = /(?<![\w:.-])([\w:.-]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const NAMING = new Set(['name', 'id', 'type', 'key', 'property']);
// `<input value="…">`, `<meta name="csrf-token" content="…">`.
const VALUE_ATTRIBUTES = new Set(['value', 'content']);

/**
 * Secrets in markup: the content of an element named like a sensitive key (`<password>x</password>`, or
 * `<entry key="password">x</entry>`), and the `value` of a tag named like one (`<input name="password" value="x">`).
 */
export function markupDetector(
  isSensitiveKey: (key: string) => string | undefined,
  alreadyCensored: ReadonlySet<string>,
): Detector {
  const keep = (value: string) => isPlainValue(value.trim()) || alreadyCensored.has(value.trim());
  return {
    name: 'keyValue',
    positional: true,
    // An element needs the `/` of its end tag, a censored attribute its `=`.
    trigger: CHAR.slash | CHAR.equals,
    gate: (text) => text.includes('<') && text.includes('>'),
    scan(text, replace) {
      const elements = text.replace(ELEMENT, (m: string, name: string, attrs: string, content: string) =>
        keep(content) || (isSensitiveKey(name) === undefined && !namesSensitive(attrs, isSensitiveKey))
          ? m
          : `<${name}${attrs}>${replace(content, 'keyValue')}</${name}>`,
      );
      return elements.replace(TAG, (tag: string) => censorValueAttribute(tag, replace, isSensitiveKey, keep));
    },
  };
}

/** True when a `name`, `id`, `type`, `key` or `property` attribute holds a sensitive key (`name="password"`). */
function namesSensitive(attrs: string, isSensitiveKey: (key: string) => string | undefined): boolean {
  for (const a of attrs.matchAll(ATTRIBUTE)) {
    const value = a[2] ?? a[3] ?? a[4] ?? '';
    if (NAMING.has((a[1] as string).toLowerCase()) && isSensitiveKey(value) !== undefined) return true;
  }
  return false;
}

/** Censors the `value` / `content` attribute of a tag named like a sensitive key (attribute order does not matter). */
function censorValueAttribute(
  tag: string,
  replace: Replace,
  isSensitiveKey: (key: string) => string | undefined,
  keep: (value: string) => boolean,
): string {
  if (!namesSensitive(tag, isSensitiveKey)) return tag;
  return tag.replace(ATTRIBUTE, (m: string, name: string, dq?: string, sq?: string, bare?: string) => {
    const value = dq ?? sq ?? bare ?? '';
    if (!VALUE_ATTRIBUTES.has(name.toLowerCase()) || keep(value)) return m;
    const censored = replace(value, 'keyValue');
    if (dq !== undefined) return `${name}="${censored}"`;
    return sq !== undefined ? `${name}='${censored}'` : `${name}=${censored}`;
  });
}
