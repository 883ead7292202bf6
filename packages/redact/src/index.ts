export { createRedactor } from './redactor';
export { escapeControlChars } from './escape';
export { RedactConfigError } from './errors';
export type {
  Censor,
  CensorContext,
  CustomPattern,
  DetectorName,
  JsonValue,
  Redactor,
  RedactorOptions,
} from './types';
export type { HeadersInput, RedactedHeaders } from './headers';
