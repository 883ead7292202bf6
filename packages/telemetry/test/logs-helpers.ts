import { PassThrough } from 'node:stream';
import { createRedactor, type Redactor } from '@fasttodo/redact';
import { createLogging } from '../src/logs/setup';
import type { Logging, LogsSetup } from '../src/logs/types';

/** A logging pipeline writing into a real PassThrough stream, with the lines it produced. */
export interface CapturedLogging extends Logging {
  stream: PassThrough;
  /** Raw output split into lines (the trailing empty line removed). */
  lines(): string[];
  /** Every line parsed as JSON. */
  records(): Record<string, unknown>[];
}

/** Creates a logger for tests; `createLogging` with a PassThrough as destination and `redactor` (default one). */
export function captureLogging(
  overrides: Partial<LogsSetup> = {},
  redactor: Redactor = createRedactor(),
): CapturedLogging {
  const stream = new PassThrough();
  let output = '';
  stream.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const config: LogsSetup = {
    level: 'info',
    format: 'json',
    exporter: 'none',
    serviceName: 'logs-test',
    environment: 'test',
    stream,
    ...overrides,
  };
  const logging = createLogging(config, redactor);
  const lines = () => output.split('\n').slice(0, -1);
  return { ...logging, stream, lines, records: () => lines().map((line) => JSON.parse(line)) };
}

/** Lets the winston stream pipeline deliver what was written. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
