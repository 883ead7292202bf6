// Values that say a credential is absent, never the credential itself.
const PLAIN = new Set([
  '',
  'null',
  'undefined',
  'none',
  'nil',
  'true',
  'false',
  'n/a',
  '<nil>',
  '(null)',
  '(none)',
  '[]',
  '{}',
]);

/** True for a value that holds no secret whatever its key: empty, `null`, `undefined`, `none`, a boolean. */
export function isPlainValue(value: string): boolean {
  return value.length <= 9 && PLAIN.has(value.toLowerCase());
}
