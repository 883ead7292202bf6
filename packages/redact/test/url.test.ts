import { createRedactor } from '@fasttodo/redact';

const r = createRedactor();
const { redactUrl } = r;

describe('redactUrl', () => {
  it('replaces userinfo', () => {
    expect(redactUrl('https://user:pass@example.com/x')).toBe('https://REDACTED:REDACTED@example.com/x');
    expect(redactUrl('https://token@example.com')).toBe('https://REDACTED@example.com');
    expect(redactUrl('//user:pw@cdn.example.com/a')).toBe('//REDACTED:REDACTED@cdn.example.com/a');
    expect(redactUrl('redis://:pw@127.0.0.1:6379/0')).toBe('redis://:REDACTED@127.0.0.1:6379/0');
  });

  it('replaces an unencoded password holding "/", "?" or "#" up to the last "@"', () => {
    expect(redactUrl('postgres://app:pa/ss+b64==@db:5432/app')).toBe(
      'postgres://REDACTED:REDACTED@db:5432/app',
    );
    expect(redactUrl('mongodb://u:p?ss@mongo/x?token=t')).toBe(
      'mongodb://REDACTED:REDACTED@mongo/x?token=REDACTED',
    );
    expect(redactUrl('mysql://root:p#ssw0rd@mysql/app')).toBe('mysql://REDACTED:REDACTED@mysql/app');
    expect(r.redactText('connect postgres://app:pa/ss@db failed')).toBe(
      'connect postgres://REDACTED:REDACTED@db failed',
    );
    // A port before the path, or an "@" in the path of a URL without userinfo, is not a password.
    expect(redactUrl('https://host:8080/@handle')).toBe('https://host:8080/@handle');
    expect(redactUrl('https://medium.com/@handle')).toBe('https://medium.com/@handle');
    expect(redactUrl('https://user:pw@host/@handle')).toBe('https://REDACTED:REDACTED@host/@handle');
  });

  it('replaces values of sensitive query keys and keeps the key', () => {
    expect(redactUrl('https://x.io/cb?token=abc&page=2&API_KEY=k&password=p')).toBe(
      'https://x.io/cb?token=REDACTED&page=2&API_KEY=REDACTED&password=REDACTED',
    );
    expect(redactUrl('/oauth/callback?code=4/0Ab&state=st')).toBe('/oauth/callback?code=REDACTED&state=st');
  });

  it.each([
    'X-Amz-Signature',
    'X-Amz-Credential',
    'X-Amz-Security-Token',
    'AWSAccessKeyId',
    'Signature',
    'sig',
    'X-Goog-Signature',
  ])('replaces the OpenTelemetry semantic-convention query key %s', (key) => {
    expect(redactUrl(`https://bucket.s3.amazonaws.com/o.txt?${key}=secret123&X-Amz-Expires=3600`)).toBe(
      `https://bucket.s3.amazonaws.com/o.txt?${key}=REDACTED&X-Amz-Expires=3600`,
    );
  });

  it('keeps empty values and bare keys, and leaves clean URLs byte-identical', () => {
    expect(redactUrl('/a?token=&flag')).toBe('/a?token=&flag');
    const clean = 'https://example.com:8443/a/b%20c/?q=hello+world&x=%2F#top';
    expect(redactUrl(clean)).toBe(clean);
  });

  it('scrubs emails and tokens in path segments and values', () => {
    expect(redactUrl('https://x.io/users/bob@example.com/profile')).toBe(
      'https://x.io/users/REDACTED/profile',
    );
    expect(redactUrl('/users/bob%40example.com')).toBe('/users/REDACTED');
    expect(redactUrl('/reset/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')).toBe('/reset/REDACTED');
    expect(redactUrl('/search?q=mail+bob%40example.com+now')).toBe('/search?q=mail%20REDACTED%20now');
    expect(redactUrl('mailto:bob@example.com')).toBe('mailto:REDACTED');
  });

  it('scrubs the fragment (OAuth implicit flow)', () => {
    expect(redactUrl('https://app.io/cb#access_token=abc&token_type=bearer')).toBe(
      'https://app.io/cb#access_token=REDACTED&token_type=bearer',
    );
    expect(redactUrl('/p#section-2')).toBe('/p#section-2');
  });

  it('handles relative and malformed URLs without throwing', () => {
    expect(redactUrl('')).toBe('');
    expect(redactUrl('?token=a')).toBe('?token=REDACTED');
    expect(redactUrl('http://[::1')).toBe('http://[::1');
    expect(redactUrl('%E0%A4%A?x=%&token=%zz')).toBe('%E0%A4%A?x=%&token=REDACTED');
    expect(redactUrl('http://a@b@c/x')).toBe('http://REDACTED@c/x');
    expect(redactUrl('not a url at all')).toBe('not a url at all');
    expect(redactUrl(42 as unknown as string)).toBe('');
    expect(() => redactUrl('/\uD800?q=a%40b.com')).not.toThrow();
  });

  it('uses urlCensor, or the censor function', () => {
    expect(createRedactor({ urlCensor: 'x' }).redactUrl('https://u:p@h/?token=1')).toBe(
      'https://x:x@h/?token=x',
    );
    const fn = createRedactor({ censor: (v) => `<${String(v).length}>` });
    expect(fn.redactUrl('https://u:pw@h/?token=abc')).toBe('https://<1>:<2>@h/?token=<3>');
  });

  it('redacts URL objects found inside values', () => {
    expect(r.redact({ u: new URL('https://a:b@h.io/?sig=1') })).toEqual({
      u: 'https://REDACTED:REDACTED@h.io/?sig=REDACTED',
    });
  });
});
