import { createRedactor, escapeControlChars } from '@fasttodo/redact';
import fc from 'fast-check';

// Each finding of issue 8 is a class: these arbitraries generate its members (other keys, schemes, values and
// surroundings than the examples), plant a secret, and check that no part of it is left while the syntax is kept.
const r = createRedactor();
const RUNS = { numRuns: 200 };

const pick = <T>(...items: T[]) => fc.constantFrom(...items);
const word = fc.stringMatching(/^[a-z]{2,9}$/);
/** A secret with marker ends (so a leak of either end is unambiguous) and the characters secrets really hold. */
const secret = fc.stringMatching(/^[A-Za-z0-9_\-.~+/]{6,24}$/).map((s) => `S3c${s}9Qz`);
const SENSITIVE = [
  'password',
  'passwd',
  'token',
  'secret',
  'api_key',
  'apiKey',
  'access_token',
  'client_secret',
  'db.password',
  'refreshToken',
  'MYSQL_PWD',
  'PGPASSWORD',
  'auth_token',
  'session_id',
];
const sensitiveKey = pick(...SENSITIVE);
const UPPER_KEYS = [
  'API_KEY',
  'DB_PASSWORD',
  'GITHUB_TOKEN',
  'AWS_SECRET_ACCESS_KEY',
  'PGPASSWORD',
  'SECRET',
];

/** Asserts that `secret` is gone from the redacted text, every `kept` piece is still there, and a rerun changes nothing. */
function check(text: string, secretValue: string, kept: string[] = [], out = r.redactText(text)): void {
  expect(out).not.toContain(secretValue);
  // Neither end may be left either (a value cut at a delimiter leaks its tail).
  expect(out).not.toContain(secretValue.slice(0, 9));
  expect(out).not.toContain(secretValue.slice(-6));
  for (const k of kept) expect(out).toContain(k);
  expect(r.redactText(out)).toBe(out);
}

describe('a sensitive pair that starts inside another pair is found', () => {
  it('word: / word= prefixes, one or more levels', () => {
    const prefix = fc
      .array(fc.tuple(word, pick(': ', '=', ':', ' = ', ': "')), { minLength: 1, maxLength: 4 })
      .map((ps) => ps.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(prefix, sensitiveKey, pick('=', ': ', '='), secret, (p, key, sep, s) =>
        check(`${p}${key}${sep}${s}`, s, [key]),
      ),
      RUNS,
    );
  });
});

describe('keys written as two words in prose', () => {
  it('API key:, Session ID:, secret key =, private key:', () => {
    const phrase = pick(
      'API key',
      'Api Key',
      'api key',
      'Session ID',
      'session id',
      'secret key',
      'Private key',
      'access key',
    );
    fc.assert(
      fc.property(phrase, pick(': ', '=', ' = '), secret, (p, sep, s) =>
        check(`got ${p}${sep}${s} from env`, s, [p, ' from env']),
      ),
      RUNS,
    );
  });
});

describe('credentials after any authorization scheme', () => {
  const header = pick('Authorization', 'Proxy-Authorization', 'authorization', 'AUTHORIZATION');
  it('one-token schemes (ApiKey, Token, Negotiate, SSWS, any word)', () => {
    const scheme = fc.oneof(pick('ApiKey', 'Token', 'Negotiate', 'SSWS', 'Bearer', 'DPoP', 'NTLM'), word);
    fc.assert(
      fc.property(header, pick(': ', ':', ' : ', '='), scheme, secret, fc.boolean(), (h, sep, sc, s, crlf) =>
        check(`${h}${sep}${sc} ${s}${crlf ? '\r\nHost: api.example.com' : ''}`, s, [h]),
      ),
      RUNS,
    );
  });

  it('parameter schemes (Digest, AWS4-HMAC-SHA256, Signature) to the end of the line', () => {
    const params = fc
      .array(fc.tuple(word, secret, fc.boolean()), { minLength: 1, maxLength: 5 })
      .map((ps) => ps.map(([k, v, q]) => (q ? `${k}="${v}"` : `${k}=${v}`)).join(', '));
    fc.assert(
      fc.property(header, pick('Digest', 'AWS4-HMAC-SHA256', 'Signature', 'OAuth'), params, (h, sc, p) => {
        const out = r.redactText(`${h}: ${sc} ${p}\nnext line`);
        expect(out).not.toMatch(/S3c/);
        expect(out).toContain('\nnext line');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(secret, secret, (a, b) => check(`AWS4-HMAC-SHA256 Credential=${a}/x, Signature=${b}`, b)),
      RUNS,
    );
  });

  it('a header inside serialized JSON is censored and the JSON stays valid', () => {
    const line = fc.oneof(
      fc
        .tuple(pick('ApiKey', 'Bearer', 'Token', 'Digest'), secret)
        .map(([sc, s]) => ({ t: `Authorization: ${sc} ${s}`, s })),
      fc.tuple(word, secret).map(([n, s]) => ({ t: `Cookie: theme=dark; ${n}=${s}`, s })),
    );
    fc.assert(
      fc.property(line, fc.boolean(), ({ t, s }, array) => {
        const json = JSON.stringify(array ? { headers: [t, 'Host: x'] } : { msg: t, level: 'info' });
        const out = r.redactText(json);
        expect(out).not.toContain(s);
        expect(() => JSON.parse(out)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('Basic credentials with or without base64 padding', () => {
    fc.assert(
      fc.property(word, secret, pick('Basic ', 'basic ', 'Authorization: Basic '), (user, pw, head) => {
        const b64 = Buffer.from(`${user}:${pw}`).toString('base64');
        // After an Authorization header the credential runs to the end of the line.
        const kept = head.startsWith('Auth') ? ['Authorization: '] : [' sent'];
        check(`${head}${b64.replace(/=+$/, '')} sent`, b64.slice(0, 12), kept);
      }),
      RUNS,
    );
  });
});

describe('PGP and PEM private key blocks, with or without an END line', () => {
  it('censors the whole armoured block', () => {
    const body = fc.array(fc.stringMatching(/^[A-Za-z0-9+/]{20,64}$/), { minLength: 1, maxLength: 6 });
    const kind = pick(
      'PGP PRIVATE KEY BLOCK',
      'PGP SECRET KEY BLOCK',
      'PRIVATE KEY',
      'RSA PRIVATE KEY',
      'OPENSSH PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
    );
    fc.assert(
      fc.property(kind, body, fc.boolean(), (k, lines, end) => {
        const block = `-----BEGIN ${k}-----\nVersion: x\n\n${lines.join('\n')}\n${end ? `-----END ${k}-----` : ''}`;
        const out = r.redactText(`key: ${block}`);
        for (const l of lines) expect(out).not.toContain(l);
      }),
      RUNS,
    );
  });
});

describe('JSON values of any length', () => {
  it('finds values longer than 1,024 characters, plain and escaped', () => {
    const long = fc.integer({ min: 1000, max: 6000 }).map((n) => `S3c${'x7'.repeat(n)}`);
    fc.assert(
      fc.property(sensitiveKey, long, fc.boolean(), (key, s, escaped) => {
        const json = JSON.stringify({ [key]: s, ok: 1 });
        check(escaped ? JSON.stringify({ msg: json }) : json, s.slice(0, 40), ['"ok'.slice(escaped ? 0 : 0)]);
      }),
      { numRuns: 40 },
    );
  });

  it('finds long bracketed and bare values too', () => {
    const long = fc.integer({ min: 1000, max: 6000 }).map((n) => `S3c${'y8'.repeat(n)}9Qz`);
    fc.assert(
      fc.property(sensitiveKey, long, pick('[', ''), (key, s, open) => {
        check(`${key}=${open}${s}${open === '[' ? ']' : ''} next=1`, s, ['next=1']);
      }),
      { numRuns: 40 },
    );
  });
});

describe('command-line secrets', () => {
  it('-Dprop=, --flag value, --flag=value, NAME=value cmd, export NAME=value', () => {
    const form = fc.oneof(
      fc.tuple(word, sensitiveKey).map(
        ([ns, k]) =>
          (s: string) =>
            `java -D${ns}.${k}=${s} -jar app.jar`,
      ),
      pick('password', 'token', 'api-key', 'client-secret').map(
        (k) => (s: string) => `tool --${k} ${s} --verbose`,
      ),
      pick('password', 'token', 'api-key').map((k) => (s: string) => `tool --${k}=${s}`),
      pick(...UPPER_KEYS).map((k) => (s: string) => `${k}=${s} psql -h db`),
      pick(...UPPER_KEYS).map((k) => (s: string) => `export ${k}=${s}`),
    );
    fc.assert(
      fc.property(form, secret, (f, s) => check(f(s), s)),
      RUNS,
    );
  });

  it('user:password options and mysql glued passwords', () => {
    const form = fc.oneof(
      word.map((u) => (s: string) => `curl -u ${u}:${s} https://api.example.com`),
      word.map((u) => (s: string) => `curl --user '${u}:${s}' -X POST`),
      word.map((u) => (s: string) => `docker login -u ${u} -p ${s} registry.example.com`),
      pick('redis-cli -h cache -a ', 'sshpass -p ', 'keytool -storetype pkcs12 -password ').map(
        (head) => (s: string) => `${head}${s} next`,
      ),
      pick("-p'", '-p"', '-p').map((p) => (s: string) => {
        const q = p.length > 2 ? p.slice(2) : '';
        return `mysql -h db -u root ${p}${s}${q} app`;
      }),
    );
    fc.assert(
      fc.property(form, secret, (f, s) => check(f(s), s)),
      RUNS,
    );
  });
});

describe('markup', () => {
  it('elements named like a sensitive key', () => {
    const tag = pick('password', 'secret', 'apiKey', 'api_key', 'token', 'clientSecret', 'ns:password');
    fc.assert(
      fc.property(tag, secret, fc.boolean(), (t, s, attr) =>
        check(`<user><${t}${attr ? ' type="text"' : ''}>${s}</${t}></user>`, s, [`<${t}`, `</${t}>`]),
      ),
      RUNS,
    );
  });

  it('elements whose name, key or id attribute is a sensitive key', () => {
    fc.assert(
      fc.property(
        pick('entry', 'property', 'add', 'param'),
        pick('name', 'key', 'id'),
        sensitiveKey,
        secret,
        (el, attr, k, s) => check(`<${el} ${attr}="${k}">${s}</${el}>`, s, [`<${el} ${attr}="${k}">`]),
      ),
      RUNS,
    );
  });

  it('meta content named like a sensitive key', () => {
    fc.assert(
      fc.property(pick('csrf-token', 'api-key', 'session_id', 'access_token'), secret, (n, s) =>
        check(`<meta name="${n}" content="${s}">`, s, [`<meta name="${n}" content="`]),
      ),
      RUNS,
    );
  });

  it('input values named like a sensitive key, attributes in any order', () => {
    const naming = fc.oneof(
      sensitiveKey.map((k) => `name="${k}"`),
      pick('type="password"', "id='password'", 'name=api_key'),
    );
    const other = fc.array(pick('class="f"', 'required', 'autocomplete="off"', 'id="x1"'), { maxLength: 3 });
    fc.assert(
      fc.property(naming, other, secret, pick('"', "'"), fc.boolean(), (n, o, s, q, valueFirst) => {
        const value = `value=${q}${s}${q}`;
        const attrs = valueFirst ? [value, ...o, n] : [n, ...o, value];
        check(`<input ${attrs.join(' ')}>`, s, ['<input', n]);
      }),
      RUNS,
    );
  });
});

describe('cookies', () => {
  it('every cookie value after Cookie: / Set-Cookie:, names kept', () => {
    const pairs = fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,10}$/), secret), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(pick('Cookie', 'cookie', 'Set-Cookie', 'set-cookie'), pairs, (h, ps) => {
        const text = `${h}: ${ps.map(([n, v]) => `${n}=${v}`).join('; ')}${h.startsWith('S') ? '; Path=/; HttpOnly' : ''}`;
        const out = r.redactText(text);
        for (const [n, v] of ps) {
          expect(out).not.toContain(v);
          expect(out).toContain(`${n}=`);
        }
        expect(r.redactText(out)).toBe(out);
      }),
      RUNS,
    );
  });
});

describe('session ids in URL path parameters', () => {
  it(';jsessionid= and friends, in text and through redactUrl', () => {
    const name = pick('jsessionid', 'JSESSIONID', 'sessionid', 'phpsessid', 'PHPSESSID');
    const after = pick('', '?page=2', '/next', '#top');
    fc.assert(
      // A session id never holds `/` (it would end the path parameter).
      fc.property(
        word,
        name,
        secret.map((x) => x.replace(/\//g, '_')),
        after,
        (p, n, s, a) => {
          const url = `/${p};${n}=${s}${a}`;
          check(`GET ${url} 200`, s, [`;${n}=`, a]);
          expect(r.redactUrl(`https://shop.example.com${url}`)).not.toContain(s);
          expect(r.redactUrl(url)).toContain(a);
        },
      ),
      RUNS,
    );
  });
});

describe('relative URLs with sensitive query values or encoded emails', () => {
  it('in text and through redactUrl', () => {
    const query = fc.oneof(
      fc
        .tuple(pick('token', 'password', 'api_key', 'code', 'sig'), secret)
        .map(([k, s]) => ({ q: `${k}=${s}`, s })),
      fc.tuple(word, word).map(([a, b]) => ({ q: `email=${a}.${b}%40example.org`, s: `${a}.${b}%40` })),
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 3 }),
        query,
        pick('GET ', 'redirect to ', '"', '('),
        (path, { q, s }, lead) => {
          const rel = `${path.length > 0 ? `/${path.join('/')}` : ''}?${q}&page=2`;
          check(`${lead}${rel} done`, s, ['page=2']);
          expect(r.redactUrl(rel)).not.toContain(s);
        },
      ),
      RUNS,
    );
  });
});

describe('PHP and Ruby hashes', () => {
  it("'key' => 'value', \"key\" => \"value\", key: 'value', :key => 'value' keep their syntax", () => {
    const form = pick(
      (k: string, s: string) => [`'${k}' => '${s}'`, `'${k}' => '`],
      (k: string, s: string) => [`"${k}" => "${s}"`, `"${k}" => "`],
      (k: string, s: string) => [`${k}: '${s}'`, `${k}: '`],
      (k: string, s: string) => [`:${k} => '${s}'`, `:${k} => '`],
      (k: string, s: string) => [`${k}=>"${s}"`, `${k}=>"`],
    );
    fc.assert(
      fc.property(form, sensitiveKey, secret, (f, k, s) => {
        const [text, head] = f(k, s) as [string, string];
        check(`[${text}, 'user' => 'ada']`, s, [head, "'user' => 'ada'"]);
      }),
      RUNS,
    );
  });
});

describe('log spoofing: invisible and direction-changing characters are escaped', () => {
  const INVISIBLE = [
    ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
    ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
    ...Array.from({ length: 5 }, (_, i) => 0x200b + i),
    0x2060,
    0xfeff,
  ].map((c) => String.fromCharCode(c));
  it('bidi overrides and isolates, zero-width characters become \\uXXXX', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, pick(...INVISIBLE)), { maxLength: 12 }), (parts) => {
        const out = escapeControlChars(parts.join(''));
        expect(out).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
        for (const c of parts.filter((p) => INVISIBLE.includes(p)))
          expect(out).toContain(`\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      }),
      RUNS,
    );
    expect(escapeControlChars('user\u202Egnp.exe')).toBe('user\\u202egnp.exe');
  });
});

describe('false positives: prose, empty values and git remotes are kept', () => {
  const prose = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  it('a sensitive word, a colon and ordinary prose', () => {
    const label = pick(
      'Token',
      'Password',
      'Secret',
      'API token',
      'Session',
      'password',
      'Access token',
      'Auth',
    );
    fc.assert(
      fc.property(label, word, pick(', ', ' ', '. ', '; '), prose, (l, first, sep, rest) => {
        const text = `${l}: ${first}${sep}${rest}`;
        expect(r.redactText(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('values that say "no value": null, undefined, none, empty, booleans', () => {
    const empty = pick(
      'null',
      'undefined',
      'none',
      'None',
      'NULL',
      '""',
      "''",
      'true',
      'false',
      'nil',
      '<nil>',
      '(null)',
    );
    fc.assert(
      fc.property(sensitiveKey, pick('=', ': ', ' = '), empty, (k, sep, v) => {
        const text = `${k}${sep}${v} retrying`;
        expect(r.redactText(text)).toBe(text);
        const literal = ['true', 'false'].includes(v)
          ? v
          : v.startsWith("'") || v.startsWith('"')
            ? '""'
            : 'null';
        const json = `{"${k}":${literal}}`;
        expect(r.redactText(json)).toBe(json);
      }),
      RUNS,
    );
  });

  it('a status word after a sensitive key', () => {
    const status = pick('disabled', 'expired', 'Missing', 'OK', 'invalid', 'revoked', 'required', 'unset');
    fc.assert(
      fc.property(pick('Token', 'auth', 'Password', 'session', 'API key'), status, (l, w) => {
        expect(r.redactText(`${l}: ${w}`)).toBe(`${l}: ${w}`);
      }),
      RUNS,
    );
  });

  it('SSH-style git remotes keep their host', () => {
    const host = pick('github.com', 'gitlab.com', 'bitbucket.org', 'git.example.co.uk');
    fc.assert(
      fc.property(pick('git', 'gitlab', 'deploy'), host, word, word, (user, h, g, repo) => {
        const text = `git clone ${user}@${h}:${g}/${repo}.git`;
        expect(r.redactText(text)).toBe(text);
      }),
      RUNS,
    );
  });
});
