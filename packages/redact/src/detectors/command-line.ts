import { CHAR } from './facts';
import { isPlainValue } from './plain-value';
import type { Detector, Replace } from './types';

// `--password hunter2` (a sensitive long option and its separate argument; `--password=x` is a key=value pair).
const LONG_OPTION = /(?<![\w-])--([A-Za-z][\w.-]{0,63})[ \t]+("[^"\r\n]*"|'[^'\r\n]*'|[^\s"'-][^\s]*)/g;
// `curl -u user:pw`, `--user user:pw`, `-uuser:pw`: credentials given as user:password.
const USER_OPTION =
  /(?<![\w-])(?:-u[ \t]*|--user[ \t]+|--user=)("[^"\r\n:]*:[^"\r\n]*"|'[^'\r\n:]*:[^'\r\n]*'|[^\s"':]*:[^\s"']+)/g;
// mysql / mariadb clients take the password glued to `-p`: `-psecret`, `-p'secret'`.
const GLUED_PASSWORD = /(?<![\w-])-p("[^"\r\n]+"|'[^'\r\n]+'|[^\s"']+)/g;
const MYSQL = /mysql|mariadb/i;
const GATE = /(?<![\w-])-(?:-[A-Za-z]|[up])/;

/** Secrets on command lines: `--password x`, `curl -u user:pw`, `mysql -p'pw'`. Quotes are kept. */
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
  return {
    name: 'keyValue',
    positional: true,
    trigger: CHAR.dash,
    gate: (text) => GATE.test(text),
    scan(text, replace) {
      let out = text.replace(LONG_OPTION, (m: string, flag: string, value: string) =>
        isSensitiveKey(flag) === undefined ? m : m.slice(0, m.length - value.length) + censor(value, replace),
      );
      out = out.replace(
        USER_OPTION,
        (m: string, value: string) => m.slice(0, m.length - value.length) + censor(value, replace),
      );
      if (!MYSQL.test(out)) return out;
      return out.replace(GLUED_PASSWORD, (_m: string, value: string) => `-p${censor(value, replace)}`);
    },
  };
}
