import { createRedactor } from '@fasttodo/redact';
import { SpanKind, TraceFlags } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { redactAttributes, SpanRedactor } from '../src/tracing/redact-span';

const redactor = createRedactor();

/** Namespaces as OpenTelemetry and applications write them: `http.request.header`, `app`, `myCorp.auth`. */
const namespace = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), { minLength: 0, maxLength: 4 })
  .map((segments) =>
    segments.filter(
      (s) => !/pass|secret|token|key|auth|sess|cred|cookie|card|ssn|dsn|pwd|bearer|cvv|cvc/.test(s),
    ),
  );

/** Sensitive names in the spellings seen in attribute keys (dotted, snake, kebab, camel). */
const sensitiveTail = fc.constantFrom(
  'session.id',
  'session_id',
  'sessionId',
  'password',
  'db_password',
  'credential',
  'connection_string',
  'connectionString',
  'secret_access_key',
  'access_token',
  'refresh-token',
  'api_key',
  'apiKey',
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'private_key',
  'client_secret',
);

const benignKeys = [
  'http.route',
  'http.request.method',
  'http.response.status_code',
  'http.request.header.x-request-id',
  'http.request.header.content-type',
  'enduser.id',
  'db.system.name',
  'db.operation.name',
  'gen_ai.usage.input_tokens',
  'rpc.grpc.status_code',
  'server.address',
];

function span(patch: Partial<ReadableSpan>): ReadableSpan {
  const context = { traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: TraceFlags.SAMPLED };
  return {
    name: 'op',
    kind: SpanKind.INTERNAL,
    spanContext: () => context,
    startTime: [0, 0],
    endTime: [0, 1],
    status: { code: 0 },
    attributes: {},
    links: [],
    events: [],
    duration: [0, 1],
    ended: true,
    resource: resourceFromAttributes({}),
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...patch,
  };
}

describe('span attributes are redacted by their full key', () => {
  it('any namespace + a sensitive name (any spelling) is censored, string or array', () => {
    fc.assert(
      fc.property(namespace, sensitiveTail, fc.stringMatching(/^[A-Za-z0-9]{4,20}$/), (ns, tail, value) => {
        const key = [...ns, tail].join('.');
        expect(redactAttributes({ [key]: value }, redactor)[key]).toBe('[REDACTED]');
        expect(redactAttributes({ [key]: [value, value] }, redactor)[key]).toBe('[REDACTED]');
      }),
    );
  });

  it('header-style keys of requests and responses are censored', () => {
    const headers = ['authorization', 'cookie', 'x-api-key', 'proxy-authorization', 'x-auth-token'];
    for (const side of ['request', 'response'])
      for (const header of [...headers, 'set-cookie']) {
        const key = `http.${side}.header.${header}`;
        expect(redactAttributes({ [key]: ['v-123456'] }, redactor)[key]).toBe('[REDACTED]');
      }
  });

  it('benign semantic-convention keys keep their values', () => {
    const attributes = Object.fromEntries(benignKeys.map((k) => [k, 'plain-value']));
    expect(redactAttributes(attributes, redactor)).toEqual(attributes);
  });

  it('URL attributes keep their shape through redactUrl', () => {
    const out = redactAttributes(
      {
        'url.full': 'https://a.example/p?token=abc123secret&page=2',
        'url.query': 'token=abc123secret&page=2',
      },
      redactor,
    );
    expect(out['url.full']).toMatch(/^https:\/\/a\.example\/p\?token=.*&page=2$/);
    expect(out['url.query']).toMatch(/^token=.*&page=2$/);
    expect(JSON.stringify(out)).not.toContain('abc123secret');
  });
});

describe('SpanRedactor', () => {
  const email = fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{1,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/))
    .map(([local, domain]) => `${local}@${domain}.org`);

  it('redacts span and event names (memoised) and link attributes', () => {
    const spans = new SpanRedactor(redactor);
    fc.assert(
      fc.property(email, email, (a, b) => {
        const out = spans.redact(
          span({
            name: `mailed ${a}`,
            events: [{ name: `mailed ${b}`, time: [0, 0], attributes: { 'session.id': 'sid-9' } }],
            links: [
              {
                context: { traceId: '3'.repeat(32), spanId: '4'.repeat(16), traceFlags: 1 },
                attributes: { 'user.password': 'pw-9' },
              },
            ],
          }),
        );
        const text = JSON.stringify({ name: out.name, events: out.events, links: out.links });
        for (const secret of [a, b, 'sid-9', 'pw-9']) expect(text).not.toContain(secret);
        expect(out.name).toMatch(/^mailed /);
        expect(out.events[0]?.name).toMatch(/^mailed /);
      }),
    );
  });

  it('redacts every name after many distinct names went through the (bounded) name memo', () => {
    const spans = new SpanRedactor(redactor);
    for (let i = 0; i < 5000; i++) {
      const out = spans.redact(
        span({ name: `op-${i} jane${i}@example.com`, events: [{ name: `e-${i}`, time: [0, 0] }] }),
      );
      expect(out.name).not.toContain('@example.com');
      expect(out.events[0]?.name).toBe(`e-${i}`);
    }
  });
});
