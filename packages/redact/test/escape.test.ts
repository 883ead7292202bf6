import { escapeControlChars } from '@fasttodo/redact';

describe('escapeControlChars', () => {
  it('makes CR, LF and TAB visible so a record stays on one line', () => {
    expect(escapeControlChars('a\nb\r\nc\td')).toBe('a\\nb\\r\\nc\\td');
    expect(escapeControlChars('user=bob\n2026-01-01 INFO admin logged in')).not.toContain('\n');
  });

  it('makes ANSI escape sequences and other C0/C1 controls visible', () => {
    expect(escapeControlChars('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(escapeControlChars('\u0000\u0007\u007f\u0085\u009b')).toBe('\\u0000\\u0007\\u007f\\u0085\\u009b');
    expect(escapeControlChars('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('makes bidirectional overrides, isolates and zero-width characters visible (log spoofing)', () => {
    expect(escapeControlChars('invoice\u202Efdp.exe')).toBe('invoice\\u202efdp.exe');
    expect(escapeControlChars('\u2066a\u2069 \u200Bb\u200D \u2060\uFEFF')).toBe(
      '\\u2066a\\u2069 \\u200bb\\u200d \\u2060\\ufeff',
    );
    for (let c = 0x2000; c < 0x2100; c++) {
      const visible = escapeControlChars(String.fromCharCode(c)) === String.fromCharCode(c);
      const invisible =
        (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069);
      expect(visible).toBe(!invisible);
    }
  });

  it('returns clean text unchanged (same string) and keeps other Unicode', () => {
    const clean = 'héllo wörld ✓ 日本';
    expect(escapeControlChars(clean)).toBe(clean);
    expect(escapeControlChars('')).toBe('');
  });

  it('output never contains a control character', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += String.fromCharCode(c);
    expect(escapeControlChars(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
