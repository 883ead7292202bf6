import { createRedactor } from '@fasttodo/redact';
import fc from 'fast-check';
import { ADVERSARIAL, fill, SEPARATORS } from './support/adversarial';

const MB = 1 << 20;
// Behaviour, not speed: linear code does 1 MB in well under a second; a super-linear regex or a rescan loop takes
// minutes. The bound is generous because the test machine is shared.
const BOUND_MS = 10_000;
const all = createRedactor({ detectors: { ip: true }, maxStringLength: 2 * MB });

function timed(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

describe('adversarial text: never throws, stays idempotent', () => {
  it.each(Object.entries(ADVERSARIAL))('%s', (_name, arb) => {
    const text = fc.oneof(
      arb,
      fc.array(arb, { maxLength: 4 }).map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const once = all.redactText(t);
        expect(all.redactText(once)).toBe(once);
        const url = all.redactUrl(t);
        expect(all.redactUrl(url)).toBe(url);
      }),
      { numRuns: 150 },
    );
  });
});

describe('adversarial text: 1 MB of each generator completes in bounded time', () => {
  it.each(Object.entries(ADVERSARIAL))('%s', (_name, arb) => {
    const text = fill(arb, MB);
    expect(timed(() => all.redactText(text))).toBeLessThan(BOUND_MS);
    expect(timed(() => all.redactUrl(text))).toBeLessThan(BOUND_MS);
  });

  it.each(SEPARATORS)('a 1 MB run of %j, alone and after every kind of key', (sep) => {
    const run = sep.repeat(MB);
    for (const head of [
      '',
      'password',
      'token=',
      'a@b',
      'http://a/?x=',
      'Authorization: ',
      'Cookie: ',
      '<secret>',
    ]) {
      expect(timed(() => all.redactText(head + run))).toBeLessThan(BOUND_MS);
    }
  });

  it('the nested-URL input that hung (a URL in its own query value, repeated) is linear, in text and spans', () => {
    for (const unit of ['http://a/?x=', 'http://u:p@a/?x=', 'http://a/b@c.com?x=', 'http://a/?x=b@c.com#']) {
      const small = `${unit.repeat(450)}y`;
      expect(timed(() => all.redactText(small))).toBeLessThan(BOUND_MS / 10);
      const big = unit.repeat(Math.ceil(MB / unit.length));
      expect(timed(() => all.redactText(big))).toBeLessThan(BOUND_MS);
      expect(timed(() => all.redactUrl(big))).toBeLessThan(BOUND_MS);
      expect(timed(() => all.redact({ url: { full: big } }))).toBeLessThan(BOUND_MS);
    }
  });

  it('scrubs nested URLs a few levels deep and censors deeper ones whole', () => {
    const out = all.redactText('go http://a/?next=http%3A%2F%2Fu%3Ap%40b%2F now');
    expect(out).not.toContain('u%3Ap');
    const deep = `${'http://a/?x='.repeat(6)}http://user:pw@z/`;
    expect(all.redactText(deep)).not.toContain('pw');
    expect(all.redactUrl(deep)).not.toContain('pw');
  });
});

describe('adversarial text with a censor function', () => {
  const hashing = createRedactor({ censor: (v) => `<${String(v).length}>`, maxStringLength: 2 * MB });
  it('never throws and stays bounded, also for nested URLs', () => {
    for (const [, arb] of Object.entries(ADVERSARIAL)) {
      fc.assert(
        fc.property(arb, (t) => {
          expect(typeof hashing.redactText(t)).toBe('string');
          expect(typeof hashing.redactUrl(t)).toBe('string');
        }),
        { numRuns: 30 },
      );
    }
    const big = 'http://u:p@a/?x='.repeat(MB / 16);
    expect(timed(() => hashing.redactText(big))).toBeLessThan(BOUND_MS);
    expect(hashing.redactText('Cookie: a=1; sid=S3cXyz9Qz')).not.toContain('S3cXyz9Qz');
  });
});
