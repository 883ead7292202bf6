import fc from 'fast-check';
import { quote } from '../src/logs/line-format';

/** Reads one quoted value the way logfmt readers do: `\\` and `\"` are escapes, any other `\x` is kept. */
function readQuoted(text: string): { value: string; rest: string } {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') return { value, rest: text.slice(i + 1) };
    if (char === '\\' && (text[i + 1] === '\\' || text[i + 1] === '"')) {
      value += text[i + 1];
      i++;
    } else value += char;
  }
  return { value, rest: '' };
}

test('a quoted pretty value can never close its own quotes and keeps every other character in order', () => {
  const hostile = fc.stringMatching(/^[a-z"\\= ]{0,24}$/);
  fc.assert(
    fc.property(hostile, (text) => {
      // Lone backslashes stay single (escaped controls keep reading as `\n`), so compare without them.
      const { value, rest } = readQuoted(quote(text));
      expect(rest).toBe('');
      expect(value.replaceAll('\\', '')).toBe(text.replaceAll('\\', ''));
    }),
    { numRuns: 2000 },
  );
  expect(quote('x\\" user_id=admin')).toBe('"x\\\\\\" user_id=admin"');
  expect(quote('line\\nnext')).toBe('"line\\nnext"');
});
