import type { LogRecordFields } from './record';

const COLOURS: Readonly<Record<string, number>> = {
  error: 31,
  warn: 33,
  info: 32,
  http: 35,
  verbose: 36,
  debug: 34,
  silly: 90,
};
const HEAD_KEYS = new Set(['timestamp', 'level', 'message', 'service', 'environment']);

function paint(code: number, text: string, colors: boolean): string {
  return colors ? `\u001b[${code}m${text}\u001b[0m` : text;
}

// A key printed bare; any other key is quoted so `user_id=admin role` cannot pose as two pairs.
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const PLAIN_VALUE = /^[^\s"=]+$/;

/**
 * `"text"` with every `"` escaped, and the backslashes that would end up before an escaped quote (or before
 * the closing one) doubled, so a value can never close its own quotes. Other backslashes stay single: strings
 * are already control-escaped, and quoting them with JSON.stringify would print `\\n` for `\n`.
 */
export function quote(text: string): string {
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`;
  let out = '"';
  let run = 0;
  for (const char of text) {
    if (char === '\\') {
      run++;
      continue;
    }
    const slashes = '\\'.repeat(char === '"' ? run * 2 : run);
    out += char === '"' ? `${slashes}\\"` : slashes + char;
    run = 0;
  }
  return `${out}${'\\'.repeat(run * 2)}"`;
}

function fieldKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : quote(key);
}

function fieldValue(value: unknown): string {
  if (typeof value === 'string') return PLAIN_VALUE.test(value) ? value : quote(value);
  return JSON.stringify(value) ?? String(value);
}

/** One JSON object per line; the record is already JSON-safe. */
export function jsonLine(record: LogRecordFields): string {
  try {
    return JSON.stringify(record);
  } catch {
    return JSON.stringify({
      timestamp: record['timestamp'],
      level: record['level'],
      message: '[unserializable]',
    });
  }
}

/**
 * Human-readable line for development: `time LEVEL [service] message key=value ...`, optionally coloured.
 * Control characters were escaped when the record was built, so one record is always one line.
 */
export function prettyLine(record: LogRecordFields, colors: boolean): string {
  const level = String(record['level']);
  const head = [
    paint(90, String(record['timestamp']), colors),
    paint(COLOURS[level] ?? 39, level.toUpperCase().padEnd(5), colors),
    `[${String(record['service'])}]`,
    String(record['message']),
  ].join(' ');
  const fields: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!HEAD_KEYS.has(key)) fields.push(`${fieldKey(key)}=${fieldValue(value)}`);
  }
  return fields.length === 0 ? head : `${head} ${paint(2, fields.join(' '), colors)}`;
}
