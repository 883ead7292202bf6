import { createRedactor, type DetectorName } from '@fasttodo/redact';
import fc from 'fast-check';
import { builtInDetectors, DETECTOR_DEFAULTS, type DetectorDeps } from '../src/detectors';
import {
  ALWAYS,
  CHAR,
  digitsOf,
  hasAll,
  longTextFacts,
  shortTextFacts,
  textFacts,
} from '../src/detectors/facts';
import type { Detector } from '../src/detectors/types';
import { createKeyMatcher, DEFAULT_KEYS, URL_QUERY_KEYS } from '../src/keys';
import { createTextScanner } from '../src/text';

describe('textFacts (the one pre-pass over a text)', () => {
  it('counts ASCII digits, capped at 15, and ignores other digits', () => {
    expect(digitsOf(textFacts('a1b2c3'))).toBe(3);
    expect(digitsOf(textFacts('1'.repeat(100)))).toBe(15);
    expect(digitsOf(textFacts('١٢٣ ４５６'))).toBe(0);
    expect(digitsOf(textFacts(''))).toBe(0);
  });

  it('records each trigger character, and nothing for text without them', () => {
    const f = textFacts('x@y=z:?&-_./+QJAb1');
    for (const bit of Object.values(CHAR)) expect(hasAll(f, bit)).toBe(true);
    const plain = textFacts('plain words only ü 日本');
    expect(plain & ~ALWAYS).toBe(0);
    expect(hasAll(textFacts(''), ALWAYS)).toBe(true);
    expect(hasAll(textFacts('B'), CHAR.letterB | CHAR.upper)).toBe(true);
    expect(hasAll(textFacts('A'), CHAR.capitalA | CHAR.upper)).toBe(true);
    expect(hasAll(textFacts('a'), CHAR.capitalA)).toBe(false);
  });

  it('gives the same answer by the loop (short text) and by native searches (long text)', () => {
    const chars = fc.constantFrom(...'aAbBxXjJzZ09 @=:?&-_./+é\n'.split(''), '٣', '😀');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 300 }), (parts) => {
        const t = parts.join('');
        expect(longTextFacts(t)).toBe(shortTextFacts(t));
        expect(textFacts(t)).toBe(shortTextFacts(t));
      }),
      { numRuns: 2000 },
    );
    const long = `${'x'.repeat(300)}B7`;
    expect(longTextFacts(long)).toBe(shortTextFacts(long));
    expect(digitsOf(longTextFacts('1'.repeat(1000)))).toBe(15);
  });
});

const NAMES = Object.keys(DETECTOR_DEFAULTS) as DetectorName[];
const reference = createRedactor({ detectors: { ip: true } });
const deps: DetectorDeps = {
  urlCensor: 'REDACTED',
  redactUrl: (url) => reference.redactUrl(url),
  isSensitiveParam: createKeyMatcher([...DEFAULT_KEYS, ...URL_QUERY_KEYS]),
  isSensitiveKey: createKeyMatcher(DEFAULT_KEYS),
  keyNames: DEFAULT_KEYS,
  alreadyCensored: new Set(['REDACTED', '[REDACTED]']),
  censorUrlValue: () => 'REDACTED',
};

/** The same detectors with every pre-check removed: each one scans every text. */
const unguarded = (ds: readonly Detector[]): Detector[] =>
  ds.map((d) => ({
    name: d.name,
    positional: d.positional,
    trigger: ALWAYS,
    gate: () => true,
    scan: d.scan,
  }));

/** Scanners with and without triggers and gates; they must always agree (a pre-check may only skip work). */
function pair(ds: readonly Detector[]) {
  return {
    guarded: createTextScanner(ds, () => '[REDACTED]', 1, true),
    bare: createTextScanner(unguarded(ds), () => '[REDACTED]', 1, true),
  };
}

/** True positives of every detector, several at the edge of a gate (8 digits after "+", 13-digit card, ...). */
const SAMPLES = [
  'Bearer abcDEF123456789',
  'BASIC dXNlcjpwYXNzd29yZA==',
  '+49 30 1234 56',
  '030 123456',
  '(415) 555-2671',
  '4111 1111 1111 1111',
  '4222222222222',
  '123-45-6789',
  'DE89370400440532013000',
  'NO9386011117947',
  'a@b.co',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig',
  'AKIAIOSFODNN7EXAMPLE',
  `AIza${'b'.repeat(35)}`,
  `ghp_${'a'.repeat(36)}`,
  `github_pat_${'a'.repeat(22)}`,
  'xoxb-1234567890',
  `hooks.slack.com/services/${'T'.repeat(20)}`,
  'sk_live_abcdefghij',
  `whsec_${'a'.repeat(20)}`,
  `npm_${'a'.repeat(36)}`,
  '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
  'https://u:p@h.io/x?token=abc',
  '/cb?code=abc',
  'a=1&password=x',
  'password: hunter2',
  '"token":"abc"',
  '10.0.0.1',
  'fe80::1',
];

describe('trigger characters and gates never skip a text a detector would change', () => {
  // A sample with some letters' case flipped (the scheme words are case-insensitive), inside random noise.
  const flipped = fc
    .tuple(fc.constantFrom(...SAMPLES), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
    .map(([s, flips]) =>
      [...s]
        .map((c, i) => (flips[i % 64] ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c))
        .join(''),
    );
  const sample = fc.oneof(fc.constantFrom(...SAMPLES), flipped);
  const noise = fc.oneof(fc.constantFrom('', ' ', 'x ', ' 7 ', '=', ': '), fc.string({ maxLength: 5 }));
  const text = fc.tuple(noise, sample, noise).map((parts) => parts.join(''));

  it('the samples are true positives', () => {
    for (const s of SAMPLES) expect(reference.redactText(`<${s}>`)).not.toBe(`<${s}>`);
  });

  it.each(NAMES)('%s alone: guarded and unguarded scans agree', (name) => {
    const { guarded, bare } = pair(builtInDetectors(new Set([name]), deps));
    fc.assert(
      fc.property(text, (t) => {
        expect(guarded(t)).toBe(bare(t));
      }),
      { numRuns: 500 },
    );
  });

  it('all detectors together: guarded and unguarded scans agree', () => {
    const { guarded, bare } = pair(builtInDetectors(new Set(NAMES), deps));
    const anything = fc.array(fc.oneof(fc.constantFrom(...SAMPLES), fc.string({ maxLength: 4 })), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          anything.map((p) => p.join('')),
        ),
        (t) => {
          expect(guarded(t)).toBe(bare(t));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a user pattern runs on text that holds no trigger character at all', () => {
    const r = createRedactor({ patterns: [{ name: 'word', pattern: /secretword/ }] });
    expect(r.redactText('plain secretword here')).toBe('plain [REDACTED] here');
  });
});
