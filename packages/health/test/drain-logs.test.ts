import { installGracefulShutdown } from '@fasttodo/health';
import fc from 'fast-check';
import type { TestServer } from './support/http-server';
import { startHttpServer } from './support/http-server';
import { holdsPartOf, secret, textCarrying, thrownCarrying } from './support/secrets';

let server: TestServer;
beforeEach(async () => {
  server = await startHttpServer((_req, res) => res.end('ok'));
});
afterEach(async () => {
  if (server.server.listening) await server.close();
});

/** Runs one whole drain-and-exit with failing steps; returns every line the logger received. */
async function drainLines(failure: unknown, reason: string): Promise<string[]> {
  const lines: string[] = [];
  const handle = installGracefulShutdown(server.server, {
    signals: [],
    drainDelayMs: 0,
    hookTimeoutMs: 1000,
    exit: () => undefined,
    logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    health: {
      drain: () => {
        throw failure;
      },
    },
    beforeExit: [() => Promise.reject(failure), () => Promise.reject(failure)],
  });
  expect(await handle.shutdown(reason)).toBe(1);
  return lines;
}

describe('every line the drain logs is scrubbed', () => {
  it('errors of beforeExit hooks and of health.drain(), in every shape, and the reason given', async () => {
    const planted = secret.chain((value) =>
      fc.tuple(
        fc.constant(value),
        textCarrying(value).chain((text) => fc.tuple(fc.constant(text), thrownCarrying(text))),
      ),
    );
    await fc.assert(
      fc.asyncProperty(planted, async ([value, [text, thrown]]) => {
        if (server.server.listening) await server.close();
        server = await startHttpServer((_req, res) => res.end('ok'));
        const lines = await drainLines(thrown, text);
        expect(lines.some((line) => line.includes('beforeExit[1] failed'))).toBe(true);
        expect(lines.some((line) => line.includes('health.drain() failed'))).toBe(true);
        for (const line of lines) expect(holdsPartOf(line, value)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps each message on one line', async () => {
    const lines = await drainLines(new Error('flush failed\nWARN forged line\u001b[31m\u2028'), 'a\nb');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(lines).toContainEqual(expect.stringContaining('flush failed\\nWARN forged line\\u001b[31m'));
  });

  it('scrubs a pair right after another "word:" or "word=", e.g. Error: password=x (needs the redactor fix of issue 8)', async () => {
    const prefixed = fc
      .tuple(
        fc.constantFrom('Error: ', 'cfg=', 'a: b: ', 'retry=3 reason=', ''),
        fc.constantFrom('password', 'token', 'secret', 'api_key', 'pwd'),
        secret,
      )
      .map(([prefix, key, value]) => ({ text: `${prefix}${key}=${value}`, value }));
    await fc.assert(
      fc.asyncProperty(prefixed, async ({ text, value }) => {
        if (server.server.listening) await server.close();
        server = await startHttpServer((_req, res) => res.end('ok'));
        const lines = await drainLines(text, 'requested');
        for (const line of lines) expect(holdsPartOf(line, value)).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});
