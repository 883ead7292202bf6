import { CHAR } from './facts';
import { isPlainValue } from './plain-value';
import type { Detector, Replace } from './types';

// A bare value never starts at or crosses a "…": that is how a cut string is marked, and a marker is never a value.
const VALUE = `("[^"\\r\\n]*"|'[^'\\r\\n]*'|[^\\s"'…-][^\\s…]*)`;
// `--password hunter2`, `-password hunter2` (a sensitive option and its separate argument; `--password=x` is a
// key=value pair).
const LONG_OPTION = new RegExp(`(?<![\\w-])--?([A-Za-z][\\w.-]{0,63})[ \\t]+${VALUE}`, 'g');
// `curl -u user:pw`, `--user user:pw`, `-uuser:pw`: credentials given as user:password.
const USER_OPTION =
  /(?<![\w-])(?:-u[ \t]*|--user[ \t]+|--user=)("[^"\r\n:]*:[^"\r\n]*"|'[^'\r\n:]*:[^'\r\n]*'|[^\s"':…]*:[^\s"'…]+)/g;
/** Tools whose short option is a password: mysql `-psecret` (glued only), `docker login -p x`, `redis-cli -a x`. */
const TOOLS: readonly { tool: RegExp; option: RegExp }[] = [
  { tool: /mysql|mariadb/i, option: /(?<![\w-])(-p)("[^"\r\n]+"|'[^'\r\n]+'|[^\s"'…]+)/g },
  { tool: /\blogin\b|sshpass/i, option: /(?<![\w-])(-p[ \t]*)("[^"\r\n]+"|'[^'\r\n]+'|[^\s"'…-][^\s"'…]*)/g },
  { tool: /redis-cli/i, option: /(?<![\w-])(-a[ \t]*)("[^"\r\n]+"|'[^'\r\n]+'|[^\s"'…-][^\s"'…]*)/g },
];
const GATE = /(?<![\w-])-(?:-?[A-Za-z])/;

/** Secrets on command lines: `--password x`, `curl -u user:pw`, `mysql -p'pw'`, `redis-cli -a pw`. Quotes are kept. */
export function commandLineDetector(
  isSensitiveKey: (key: string) => string | undefined,
  alreadyCensored: ReadonlySet<string>,
): Detector {
  const censor = (value: string, replace: Replace): string => {
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    const inner = quote === '' ? value : value.slice(1, -1);
    if (isPlainValue(inner) || alreadyCensored.has(inner)) return value;
    return quote + replace(inner, 'keyValue') + quote;
  };
  const keepOption = (m: string, value: string, replace: Replace) =>
    m.slice(0, m.length - value.length) + censor(value, replace);
  return {
    name: 'keyValue',
    positional: true,
    trigger: CHAR.dash,
    gate: (text) => GATE.test(text),
    scan(text, replace) {
      let out = text.replace(LONG_OPTION, (m: string, flag: string, value: string) =>
        isSensitiveKey(flag) === undefined ? m : keepOption(m, value, replace),
      );
      out = out.replace(USER_OPTION, (m: string, value: string) => keepOption(m, value, replace));
      for (const { tool, option } of TOOLS) {
        if (tool.test(out))
          out = out.replace(option, (m: string, _o: string, v: string) => keepOption(m, v, replace));
      }
      return out;
    },
  };
}
