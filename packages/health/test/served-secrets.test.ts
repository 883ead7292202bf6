import { createHealth, writeHealthResponse } from '@fasttodo/health';
import type { CheckDetail, Health } from '@fasttodo/health';
import fc from 'fast-check';
import { Agent } from 'node:http';
import { get } from './support/client';
import type { TestServer } from './support/http-server';
import { startHttpServer } from './support/http-server';
import { holdsPartOf, secret, sensitiveKey, textCarrying, thrownCarrying } from './support/secrets';

// Every path a check's data takes into the body, scanned where it really leaves: the bytes a node:http
// server wrote with writeHealthResponse.
let server: TestServer;
let current: Health = createHealth();
// One connection per request: no reuse of a keep-alive socket the server is closing (ECONNRESET races).
const fresh = new Agent({ keepAlive: false });

beforeAll(async () => {
  server = await startHttpServer(async (_req, res) => writeHealthResponse(res, await current.ready()));
});
afterAll(() => server.close());

async function servedBody(health: Health): Promise<string> {
  current = health;
  const { status, body, error } = await get(Number(new URL(server.url).port), '/ready', fresh);
  expect({ status, error }).toEqual({ status: expect.any(Number), error: undefined });
  expect([200, 503]).toContain(status);
  return body ?? '';
}

const RUNS = { numRuns: 40 };

describe('secrets planted by a check never reach the served body', () => {
  it('details under sensitive keys of any naming style are censored; other details are kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        sensitiveKey,
        secret,
        fc.constantFrom('string', 'number'),
        async (key, value, kind) => {
          const planted =
            kind === 'number' ? Number.parseInt(value.replace(/\D/g, '').padEnd(9, '7'), 10) : value;
          const detail = { [key]: planted, region: 'eu-west-1', observedValue: 3 } as CheckDetail;
          const body = await servedBody(
            createHealth({ checks: [{ name: 'dep', check: async () => detail }] }),
          );
          expect(holdsPartOf(body, String(planted))).toBe(false);
          const served = JSON.parse(body).checks.dep;
          expect(served).toMatchObject({ status: 'pass', region: 'eu-west-1', observedValue: 3 });
          expect(served[key]).toBe('[REDACTED]');
        },
      ),
      RUNS,
    );
  });

  it('secrets in detail strings under ordinary keys and in detail keys themselves are scrubbed', async () => {
    const planted = secret.chain((value) => fc.tuple(fc.constant(value), textCarrying(value)));
    await fc.assert(
      fc.asyncProperty(planted, async ([value, text]) => {
        const detail = { target: text, [text]: 1, note: `see ${text}` } as CheckDetail;
        const body = await servedBody(createHealth({ checks: [{ name: 'dep', check: async () => detail }] }));
        expect(holdsPartOf(body, value)).toBe(false);
        expect(JSON.parse(body).checks.dep.status).toBe('pass');
      }),
      RUNS,
    );
  });

  it('a returned output, an invalid status and every thrown shape are scrubbed', async () => {
    const planted = secret.chain((value) =>
      fc.tuple(
        fc.constant(value),
        textCarrying(value).chain((text) => fc.tuple(fc.constant(text), thrownCarrying(text))),
      ),
    );
    await fc.assert(
      fc.asyncProperty(planted, async ([value, [text, thrown]]) => {
        const body = await servedBody(
          createHealth({
            checks: [
              { name: 'returned', check: async () => ({ status: 'warn', output: text }) },
              { name: 'status', check: async () => ({ status: text }) as unknown as CheckDetail },
              { name: 'rejected', check: async () => Promise.reject(thrown) },
              {
                name: 'thrown',
                check: () => {
                  throw thrown;
                },
              },
            ],
          }),
        );
        expect(holdsPartOf(body, value)).toBe(false);
        const checks = JSON.parse(body).checks;
        expect(checks.rejected.status).toBe('fail');
        expect(checks.status.output).toMatch(/^invalid status returned: /);
      }),
      RUNS,
    );
  });

  it('serves one line of JSON whatever control characters a check returns', async () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)),
      fc.constantFrom(
        '\u2028',
        '\u2029',
        '\u200b',
        '\u202e',
        '\u001b[31m',
        '\ud800',
        '\u{1f600}',
        'a',
        ' ',
        '=',
      ),
    );
    const noisy = fc.string({ unit, maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(noisy, noisy, async (output, key) => {
        const detail = { [key]: output, output } as CheckDetail;
        const body = await servedBody(
          createHealth({
            checks: [
              { name: 'returned', check: async () => detail },
              { name: 'thrown', check: async () => Promise.reject(new Error(output, { cause: key })) },
            ],
          }),
        );
        expect(body).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(() => JSON.parse(body)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('examples from the findings: token, db_password, session.id and connection strings', async () => {
    const detail = {
      token: 'tok_live_4f9a8b7c6d5e',
      db_password: 'hunter2-again',
      'session.id': 'sess-8c1d2e3f',
      connectionString: 'postgres://u:p4ssw0rd@h/db',
      target: 'postgres://u:p4ssw0rd@h/db',
    } as CheckDetail;
    const body = await servedBody(
      createHealth({
        checks: [
          { name: 'details', check: async () => detail },
          {
            name: 'cause',
            check: async () =>
              Promise.reject(new Error('connect failed', { cause: new Error('password=xyzzy42') })),
          },
          {
            name: 'aggregate',
            check: async () =>
              Promise.reject(new AggregateError([new Error('mysql://root:t0ps3cret@db/app refused')], '')),
          },
        ],
      }),
    );
    for (const planted of [
      'tok_live_4f9a8b7c6d5e',
      'hunter2',
      'sess-8c1d2e3f',
      'p4ssw0rd',
      'xyzzy42',
      't0ps3cret',
    ])
      expect(body).not.toContain(planted);
    const { checks } = JSON.parse(body);
    expect(checks.details.target).toMatch(/^postgres:\/\/\S*REDACTED\S*@h\/db$/);
    expect(checks.cause.output).toBe('connect failed: password=[REDACTED]');
    expect(checks.aggregate.output).toContain('@db/app refused');
  });
});

describe('a sensitive pair right after another "word:" or "word=" (needs the redactor fix of issue 8)', () => {
  // `Error: password=x` leaked because the redactor's key=value detector did not start inside another pair.
  it('is scrubbed in outputs, errors and details', async () => {
    const prefixed = fc
      .tuple(
        fc.constantFrom('Error: ', 'cfg=', 'a: b: ', 'db error: ', 'retry=3 reason='),
        fc.constantFrom('password', 'token', 'secret', 'api_key', 'pwd'),
        secret,
      )
      .map(([prefix, key, value]) => ({ text: `${prefix}${key}=${value}`, value }));
    await fc.assert(
      fc.asyncProperty(prefixed, async ({ text, value }) => {
        const body = await servedBody(
          createHealth({
            checks: [
              { name: 'returned', check: async () => ({ status: 'warn', output: text, note: text }) },
              { name: 'rejected', check: async () => Promise.reject(new Error(text)) },
            ],
          }),
        );
        expect(holdsPartOf(body, value)).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});
