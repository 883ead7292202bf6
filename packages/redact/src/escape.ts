// Every C0/C1 control (ESC included, so no ANSI CSI/OSC sequence can act), DEL, the Unicode line/paragraph
// separators that some log viewers treat as newlines, and the invisible characters that make a line read other
// than it is: bidirectional embeddings, overrides and isolates, zero-width spaces and joiners, marks, BOM.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes control characters visible so one log record can never become two lines or recolour a terminal.
 * `\n`, `\r`, `\t` become their escapes; other controls (including ESC of ANSI sequences), bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width characters (U+200B–U+200F, U+2060, U+FEFF) become
 * `\uXXXX`.
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
