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
