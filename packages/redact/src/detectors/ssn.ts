import { CHAR, digitsOf } from './facts';
import { type Detector, replaceWhere } from './types';

// Dashed form only; area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;

/** US social security numbers (`123-45-6789`). */
export const ssn: Detector = {
  name: 'ssn',
  trigger: CHAR.dash,
  gate: (_text, facts) => digitsOf(facts) >= 9,
  scan: (text, replace) => replaceWhere(text, SSN, 'ssn', replace, () => true),
};
