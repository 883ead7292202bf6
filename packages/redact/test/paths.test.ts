import { createRedactor, RedactConfigError } from '@fasttodo/redact';
import { parsePath } from '../src/paths';

const plain = (paths: string[]) => createRedactor({ paths, defaultKeys: false, detectors: false });

describe('path syntax', () => {
  it('parses dot, bracket, index and wildcard segments', () => {
    expect(parsePath('a.b')).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b' },
    ]);
    expect(parsePath('a["b-c"][0].*')).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b-c' },
      { kind: 'key', key: '0' },
      { kind: 'star' },
    ]);
    expect(parsePath("h['x.y']")).toEqual([
      { kind: 'key', key: 'h' },
      { kind: 'key', key: 'x.y' },
    ]);
    expect(parsePath('**.key')).toEqual([{ kind: 'globstar' }, { kind: 'key', key: 'key' }]);
    expect(parsePath('a[*]')).toEqual([{ kind: 'key', key: 'a' }, { kind: 'star' }]);
    expect(parsePath('["quo\\"te"]')).toEqual([{ kind: 'key', key: 'quo"te' }]);
  });

  it.each(['', '.a', 'a.', 'a..b', 'a[', 'a[b]', 'a["b]', 'a[0]b', 'a.[0]', '[]'])('rejects %j', (path) => {
    expect(parsePath(path)).toBeUndefined();
    expect(() => plain([path])).toThrow(RedactConfigError);
  });

  it('names the path option and the value in the error', () => {
    expect(() => plain(['ok', 'a..b'])).toThrow(/option "paths\[1\]".*received "a\.\.b"/);
  });
});

describe('path matching', () => {
  it('censors exact paths only', () => {
    const r = plain(['user.pin', 'headers["x-custom"]']);
    expect(
      r.redact({ user: { pin: 1234, name: 'a' }, pin: 1, headers: { 'x-custom': 's', other: 'o' } }),
    ).toEqual({
      user: { pin: '[REDACTED]', name: 'a' },
      pin: 1,
      headers: { 'x-custom': '[REDACTED]', other: 'o' },
    });
  });

  it('indexes arrays and wildcards every element', () => {
    expect(plain(['list[1]']).redact({ list: ['a', 'b', 'c'] })).toEqual({ list: ['a', '[REDACTED]', 'c'] });
    expect(plain(['list.*.pin']).redact({ list: [{ pin: 1 }, { pin: 2, x: 3 }] })).toEqual({
      list: [{ pin: '[REDACTED]' }, { pin: '[REDACTED]', x: 3 }],
    });
    expect(plain(['a.*']).redact({ a: { x: 1, y: { z: 2 } }, b: 1 })).toEqual({
      a: { x: '[REDACTED]', y: '[REDACTED]' },
      b: 1,
    });
  });

  it('a leading * matches exactly one level, like pino', () => {
    const r = plain(['*.pin']);
    expect(r.redact({ pin: 0, a: { pin: 1 }, b: { c: { pin: 2 } } })).toEqual({
      pin: 0,
      a: { pin: '[REDACTED]' },
      b: { c: { pin: 2 } },
    });
  });

  it('** matches zero or more levels', () => {
    const r = plain(['**.pin', 'req.**.sig']);
    expect(
      r.redact({ pin: 0, a: { b: { c: { pin: 1 } } }, req: { sig: 1, q: { r: { sig: 2 } } }, sig: 3 }),
    ).toEqual({
      pin: '[REDACTED]',
      a: { b: { c: { pin: '[REDACTED]' } } },
      req: { sig: '[REDACTED]', q: { r: { sig: '[REDACTED]' } } },
      sig: 3,
    });
  });

  it('matches inside Maps and error properties too', () => {
    const r = plain(['m.pin', 'err.config.pin']);
    const err = Object.assign(new Error('x'), { config: { pin: 5 } });
    const out = r.redact({ m: new Map([['pin', 1]]), err }) as { m: unknown; err: { config: unknown } };
    expect(out.m).toEqual({ pin: '[REDACTED]' });
    expect(out.err.config).toEqual({ pin: '[REDACTED]' });
  });

  it('reports the matching path to a censor function', () => {
    const seen: string[] = [];
    const r = createRedactor({
      paths: ['a.b'],
      censor: (_v, ctx) => {
        seen.push(`${ctx.reason}:${ctx.rule}`);
        return 'X';
      },
    });
    expect(r.redact({ a: { b: 1 }, password: 'p' })).toEqual({ a: { b: 'X' }, password: 'X' });
    expect(seen).toEqual(['path:a.b', 'key:password']);
  });

  it('censors the whole value when a path is just **', () => {
    expect(plain(['**']).redact({ a: 1 })).toBe('[REDACTED]');
  });
});
