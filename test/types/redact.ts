// Consumer code against the built @fasttodo/redact types, compiled as ESM (.mts) and as CJS (.cts).
import type { IncomingHttpHeaders } from 'node:http';
import {
  createRedactor,
  type escapeControlChars,
  type JsonValue,
  RedactConfigError,
  type RedactedHeaders,
  type Redactor,
} from '@fasttodo/redact';

export function redactCases(): void {
  const r: Redactor = createRedactor();
  const custom = createRedactor({
    keys: ['sessionToken'],
    paths: ['user.card', '**.pin'],
    detectors: { email: true, ip: false },
    censor: (value, context) => `[${context.rule}:${typeof value}]`,
    maxDepth: 5,
    maxStringLength: 1024,
  });
  createRedactor({ detectors: false, censor: '***' });

  const input = { password: 'hunter2', user: { email: 'a@b.example' } };
  const copy = r.redact(input);
  expectExact<typeof copy, JsonValue>();
  const maybe = r.redact(undefined as string | undefined);
  expectExact<typeof maybe, JsonValue | undefined>();
  expectExact<ReturnType<typeof r.redactText>, string>();
  expectExact<ReturnType<typeof r.redactUrl>, string>();
  expectExact<ReturnType<typeof escapeControlChars>, string>();
  const text = custom.redactText('mail a@b.example');
  expectExact<typeof text, string>();
  const headers = r.redactHeaders({ authorization: 'Bearer x', accept: '*/*' });
  expectExact<typeof headers, RedactedHeaders>();
  expectExact<RedactedHeaders, Record<string, string | string[]>>();
  const incoming: IncomingHttpHeaders = { host: 'a', 'set-cookie': ['x=1'] };
  r.redactHeaders(incoming);
  r.redactHeaders(new Headers({ authorization: 'x' }));
  r.redactHeaders(new Map([['cookie', 'c']]));
  r.redactHeaders(['Authorization', 'Bearer x', 'Accept', '*/*']);

  const error: unknown = new Error('x');
  if (error instanceof RedactConfigError) expectNotAny(error.code);

  // @ts-expect-error maxDepth is a number
  createRedactor({ maxDepth: 'deep' });
  // @ts-expect-error unknown detector names are rejected at compile time too
  createRedactor({ detectors: { creditcardz: true } });
  // @ts-expect-error headers are strings, not nested objects
  r.redactHeaders({ nested: { deep: 'x' } });
  // @ts-expect-error redactText takes text
  r.redactText({ text: 'x' });
}
