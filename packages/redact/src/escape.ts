// Every C0/C1 control (ESC included, so no ANSI CSI/OSC sequence can act), DEL, and the Unicode line/paragraph
// separators that some log viewers treat as newlines.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes control characters visible so one log record can never become two lines or recolour a terminal.
 * `\n`, `\r`, `\t` become their escapes; other controls (including ESC of ANSI sequences) become `\uXXXX`.
 * @example escapeControlChars('a\nb\u001b[31m') // 'a\\nb\\u001b[31m'
 */
export function escapeControlChars(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, escapeOne);
}

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
