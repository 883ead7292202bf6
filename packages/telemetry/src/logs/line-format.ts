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

function fieldValue(value: unknown): string {
  // Strings are already control-escaped; quoting them again with JSON.stringify would print `\\n` for `\n`.
  if (typeof value === 'string')
    return /^[^\s"=]+$/.test(value) ? value : `"${value.replaceAll('"', '\\"')}"`;
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
    if (!HEAD_KEYS.has(key)) fields.push(`${key}=${fieldValue(value)}`);
  }
  return fields.length === 0 ? head : `${head} ${paint(2, fields.join(' '), colors)}`;
}
