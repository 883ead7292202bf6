import { checks, createHealth, HealthConfigError, installGracefulShutdown } from '@fasttodo/health';
import fc from 'fast-check';
import { createServer } from 'node:http';
import { holdsPartOf, secret, textCarrying } from './support/secrets';

/** Runs `build`, expects a HealthConfigError and returns everything of it that could reach a log. */
function loggedForm(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(HealthConfigError);
    const typed = error as HealthConfigError;
    return [String(typed), typed.message, typed.option, JSON.stringify(typed)].join('\n');
  }
  throw new Error('expected a HealthConfigError');
}

// URLs the WHATWG parser rejects, with credentials the URL scrubber still has to find.
const unparsableUrl = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.constantFrom('user', 'admin', 'svc'),
    fc.constantFrom('', ' ', '%', '^'),
    fc.constantFrom('[bad/', '[::1/x', 'h:port/', '[', 'exa mple.com/'),
  )
  .chain(([scheme, user, glue, tail]) =>
    secret.map((value) => ({
      url: `${scheme}://${user}:${value.slice(0, 6)}${glue}${value.slice(6)}@${tail}`,
      value,
    })),
  );

describe('configuration errors never quote a secret', () => {
  it('checks.http() with an unparsable URL holding credentials', () => {
    fc.assert(
      fc.property(unparsableUrl, ({ url, value }) => {
        const logged = loggedForm(() => checks.http(url));
        expect(logged).toContain('checks.http(url)');
        expect(holdsPartOf(logged, value)).toBe(false);
      }),
    );
    const example = loggedForm(() => checks.http('http://user:pa ss@[bad/'));
    expect(example).not.toMatch(/pa ss|pa%20ss/);
    expect(example).toContain('REDACTED');
  });

  it('checks.http() with a parsable URL holding credentials or a token in its query', () => {
    fc.assert(
      fc.property(secret, fc.constantFrom('http', 'https', 'ftp'), (value, scheme) => {
        for (const url of [
          `${scheme}://u:${value}@h.example/x`,
          `${scheme}://h.example/x?access_token=${value}`,
        ]) {
          if (scheme !== 'ftp' && url.includes('?')) continue; // a valid http URL with a query is accepted
          expect(
            holdsPartOf(
              loggedForm(() => checks.http(url)),
              value,
            ),
          ).toBe(false);
        }
      }),
    );
  });

  it('any string value, unknown key or check name quoted by an error is scrubbed', () => {
    const planted = secret.chain((value) => fc.tuple(fc.constant(value), textCarrying(value)));
    fc.assert(
      fc.property(planted, ([value, text]) => {
        const cases: (() => unknown)[] = [
          () => createHealth({ checks: [{ name: 'db', check: text as never }] }),
          () => createHealth({ cacheMs: text as never }),
          () => createHealth({ version: 1 as never, [text]: 1 } as never),
          () => createHealth({ [text]: 1 } as never),
          () =>
            createHealth({
              checks: [
                { name: text, check: async () => undefined },
                { name: text, check: async () => undefined },
              ],
            }),
          () => checks.disk({ path: 1 as never, [text]: true } as never),
          () => installGracefulShutdown(createServer(), { signals: [text as never] }),
          () => installGracefulShutdown(createServer(), { [text]: 1 } as never),
        ];
        for (const build of cases) expect(holdsPartOf(loggedForm(build), value)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps messages on one line and survives a value whose constructor getter throws', () => {
    const logged = loggedForm(() =>
      createHealth({ version: 'x', ['line\nforged\u001b[31m\u2028']: 1 } as never),
    );
    expect(logged.split('\n')[0]).toContain('line\\nforged\\u001b[31m\\u2028');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('getter');
        },
      },
    );
    expect(loggedForm(() => createHealth({ version: hostile as never }))).toContain(
      'option "version" must be a string, received an object (unreadable)',
    );
  });
});
