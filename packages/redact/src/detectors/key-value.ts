import { splitWords } from '../keys';
import { CHAR } from './facts';
import type { Detector } from './types';

const WEAK_WORDS = new Set(['id', 'key', 'set', 'x', 'number', 'string']);

// `key=value`, `key: value`, `"key": "value"` and `\"key\":\"value\"` (JSON inside a JSON string). The key is
// a bounded identifier entered only at a word start; the value is a quoted string, a [bracketed] token (so a
// censored "[REDACTED]" is matched whole and stays stable) or one bare token that never starts at or crosses a
// "…" (so a truncation marker is never taken for a value).
const PAIR = new RegExp(
  '(?<![\\w.-])(\\\\?["\']?)([A-Za-z_][\\w.-]{0,63})\\1([ \\t]{0,8}[:=][ \\t]{0,8})' +
    '(?:"((?:[^"\\\\\\r\\n]|\\\\.){1,1024})"' +
    '|\\\\"((?:[^"\\\\\\r\\n]|\\\\[^"]){1,1024})\\\\"' +
    "|'([^'\\r\\n]{1,1024})'" +
    '|(\\[[^\\s\\]]{0,1022}\\]|[^\\s"\'\\\\,;&}\\][…][^\\s"\'\\\\,;&}\\]…]{0,1023}))',
  'g',
);

/** Values assigned to a sensitive key inside text: logfmt, YAML-ish, JSON and escaped JSON. Quotes are kept. */
export function keyValueDetector(
  keyNames: readonly string[],
  isSensitiveKey: (key: string) => string | undefined,
  alreadyCensored: ReadonlySet<string>,
): Detector {
  const mention = mentionGate(keyNames);
  return {
    name: 'keyValue',
    positional: true,
    trigger: CHAR.equals | CHAR.colon,
    gate: (text) => mention.test(text),
    scan(text, replace) {
      // Most texts that pass the gate hold only harmless pairs (`page=2`): find a sensitive key before rebuilding.
      if (!hasSensitivePair(text, isSensitiveKey)) return text;
      PAIR.lastIndex = 0;
      return text.replace(
        PAIR,
        (m: string, quote: string, key: string, sep: string, ...values: unknown[]) => {
          const rule = isSensitiveKey(key);
          if (rule === undefined) return m;
          const [json, escaped, single, bare] = values as (string | undefined)[];
          if (alreadyCensored.has(json ?? escaped ?? single ?? bare ?? '')) return m;
          const head = `${quote}${key}${quote}${sep}`;
          if (json !== undefined) return `${head}"${replace(json, 'keyValue')}"`;
          if (escaped !== undefined) return `${head}\\"${replace(escaped, 'keyValue')}\\"`;
          if (single !== undefined) return `${head}'${replace(single, 'keyValue')}'`;
          if (quote === '') return head + replace(String(bare), 'keyValue');
          // A JSON literal (number, true): quote the censor so the JSON stays valid; null holds no secret.
          if (bare === 'null') return m;
          const q = quote.startsWith('\\') ? '\\"' : '"';
          return `${head}${q}${replace(String(bare), 'keyValue')}${q}`;
        },
      );
    },
  };
}

function hasSensitivePair(text: string, isSensitiveKey: (key: string) => string | undefined): boolean {
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) {
    if (isSensitiveKey(m[2] as string) !== undefined) return true;
  }
  return false;
}

/**
 * A text can only hold a sensitive assignment if it mentions a word of some listed key; one case-insensitive
 * literal alternation (the most distinctive word of each name) is far cheaper than the pair regex.
 */
function mentionGate(keyNames: readonly string[]): RegExp {
  const words = new Set<string>();
  for (const name of keyNames) {
    const parts = splitWords(name).filter((w) => !/^\d+$/.test(w));
    const strong = parts.filter((w) => !WEAK_WORDS.has(w));
    const pick = (strong.length > 0 ? strong : parts).sort((a, b) => b.length - a.length)[0];
    if (pick) words.add(pick);
  }
  return words.size === 0 ? /(?!)/ : new RegExp([...words].join('|'), 'i');
}
