// Consumer code against the built @fasttodo/redact types, compiled as ESM (.mts) and as CJS (.cts).
import { createRedactor, type escapeControlChars, RedactConfigError, type Redactor } from '@fasttodo/redact';

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
  expectExact<ReturnType<typeof r.redact<typeof input>>, typeof input>();
  expectExact<ReturnType<typeof r.redactText>, string>();
  expectExact<ReturnType<typeof r.redactUrl>, string>();
  expectExact<ReturnType<typeof escapeControlChars>, string>();
  const text = custom.redactText('mail a@b.example');
  expectExact<typeof text, string>();
  const headers = r.redactHeaders({ authorization: 'Bearer x', accept: '*/*' });
  expectExact<typeof headers, { authorization: string; accept: string }>();
  expectExact<ReturnType<typeof r.redactHeaders<Record<string, string>>>, Record<string, string>>();

  const error: unknown = new Error('x');
  if (error instanceof RedactConfigError) expectNotAny(error.code);

  // @ts-expect-error maxDepth is a number
  createRedactor({ maxDepth: 'deep' });
  // @ts-expect-error unknown detector names are rejected at compile time too
  createRedactor({ detectors: { creditcardz: true } });
  // @ts-expect-error redactText takes text
  r.redactText({ text: 'x' });
}
