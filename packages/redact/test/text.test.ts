import { ALWAYS } from '../src/detectors/facts';
import type { Detector } from '../src/detectors/types';
import { createTextScanner, scanBounded, truncate } from '../src/text';

function countingDetector(word: string): Detector & { scans: number } {
  const d = {
    name: 'word',
    scans: 0,
    trigger: ALWAYS,
    gate: () => true,
    scan(text: string, replace: (m: string, rule: string) => string) {
      d.scans++;
      return text.split(word).join(replace(word, 'word'));
    },
  };
  return d;
}

describe('text scanner', () => {
  it('remembers short clean strings only: a string holding a secret is scanned every time', () => {
    const d = countingDetector('secret');
    const scan = createTextScanner([d], () => '#', 1, true);
    expect(scan('all clean here')).toBe('all clean here');
    expect(scan('all clean here')).toBe('all clean here');
    expect(d.scans).toBe(1);
    expect(scan('a secret here')).toBe('a # here');
    const before = d.scans;
    expect(scan('a secret here')).toBe('a # here');
    expect(d.scans).toBeGreaterThan(before);
    const long = 'x'.repeat(300);
    scan(long);
    scan(long);
    expect(d.scans).toBe(before + 2 + 2);
  });

  it('rescans changed text until nothing changes (at most 3 passes)', () => {
    const scan = createTextScanner([countingDetector('ab')], () => 'b', 1, true);
    // each pass uncovers a new "ab": aaab → aab → ab → b
    expect(scan('aaab')).toBe('b');
    expect(scan('aaaaab')).toBe('aab');
  });

  it('truncates with a marker, never longer than the limit', () => {
    for (const max of [30, 99, 100, 101, 1000]) {
      const out = truncate('y'.repeat(5000), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).toMatch(/…\[truncated \d+ chars\]$/);
      expect(Number(/(\d+) chars/.exec(out)?.[1]) + out.indexOf('…')).toBe(5000);
    }
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('y'.repeat(50), 5)).toBe('yyyyy');
    expect(truncate('y'.repeat(5000), 20)).toBe('y'.repeat(20));
  });

  it('scans past the cut so a secret straddling it is still recognised', () => {
    const scan = createTextScanner([countingDetector('secretvalue')], () => '#', 1, true);
    const text = `${'z'.repeat(95)}secretvalue${'z'.repeat(100)}`;
    const out = scanBounded(text, 100, scan);
    expect(out).not.toContain('secr');
    expect(out.length).toBeLessThanOrEqual(100);
  });
});
