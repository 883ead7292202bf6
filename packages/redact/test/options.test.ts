import { createRedactor, RedactConfigError, type RedactorOptions } from '@fasttodo/redact';

function configError(options: unknown): RedactConfigError {
  try {
    createRedactor(options as RedactorOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(RedactConfigError);
    return err as RedactConfigError;
  }
  throw new Error('expected createRedactor to throw');
}

describe('configuration errors are loud, typed and precise', () => {
  it.each([
    [{ maxDepth: -1 }, 'maxDepth', '-1'],
    [{ maxDepth: 1.5 }, 'maxDepth', '1.5'],
    [{ maxDepth: '3' }, 'maxDepth', '"3"'],
    [{ maxStringLength: 0 }, 'maxStringLength', '0'],
    [{ maxItems: Number.NaN }, 'maxItems', 'NaN'],
    [{ paths: ['a..b'] }, 'paths[0]', '"a..b"'],
    [{ paths: 'a.b' }, 'paths', '"a.b"'],
    [{ paths: [1] }, 'paths[0]', '1'],
    [{ keys: [''] }, 'keys[0]', '""'],
    [{ patterns: [{ name: 'x', pattern: 'abc' }] }, 'patterns[0].pattern', '"abc"'],
    [{ patterns: [{ pattern: /x/ }] }, 'patterns[0].name', 'undefined'],
    [{ patterns: {} }, 'patterns', 'an object (Object)'],
    [{ detectors: { emial: false } }, 'detectors.emial', '"emial"'],
    [{ detectors: { email: 'no' } }, 'detectors.email', '"no"'],
    [{ detectors: [] }, 'detectors', 'an array'],
    [{ censor: 42 }, 'censor', '42'],
    [{ urlCensor: null }, 'urlCensor', 'null'],
    [{ defaultKeys: 'yes' }, 'defaultKeys', '"yes"'],
    [{ maxdepth: 3 }, 'maxdepth', '3'],
    ['strict', 'options', '"strict"'],
  ])('%j → names %s and the value', (options, option, received) => {
    const err = configError(options);
    expect(err.code).toBe('FASTTODO_REDACT_INVALID_OPTION');
    expect(err.option).toBe(option);
    expect(err.message).toContain(`"${option}"`);
    expect(err.message).toContain(`received ${received}`);
  });

  it('accepts the documented shapes and safe defaults', () => {
    expect(() => createRedactor()).not.toThrow();
    expect(() => createRedactor({})).not.toThrow();
    expect(() =>
      createRedactor({
        keys: ['pin'],
        defaultKeys: true,
        paths: ['a.b', 'c["d"]', 'e[0]', 'f.*', '*.g', '**.h'],
        detectors: { ip: true, phone: false },
        patterns: [{ name: 'x', pattern: /x/ }],
        censor: () => 'x',
        urlCensor: 'X',
        maxDepth: 0,
        maxStringLength: 1,
        maxItems: 1,
      }),
    ).not.toThrow();
  });
});
