/** Markers written in place of values that cannot or must not be copied. */
export const MARKERS = {
  circular: '[Circular]',
  truncated: '[Truncated]',
  unreadable: '[Unreadable]',
} as const;
