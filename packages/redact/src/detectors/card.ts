import { luhnValid } from './luhn';
import { CHAR, digitsOf } from './facts';
import { type Detector, replaceWhere } from './types';

// Contiguous 13–19 digits, or the printed groupings (common 4-digit prefix factored out for speed) 4-4-4-4(-3) and 4-6-5 / 4-6-4 with one consistent separator.
const CARD =
  /(?<![\d.])\d{4}(?:\d{9,15}|([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|([ -])\d{6}\2\d{4,5})(?!\d|\.\d)/g;

// Issuer prefixes (IIN) with the lengths each network issues; a number outside them is not a card.
const NETWORKS: readonly { prefix: RegExp; lengths: readonly number[] }[] = [
  { prefix: /^4/, lengths: [13, 16, 19] },
  { prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { prefix: /^3[47]/, lengths: [15] },
  { prefix: /^(?:30[0-5]|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { prefix: /^6/, lengths: [16, 17, 18, 19] },
  { prefix: /^5[06-8]/, lengths: [13, 14, 15, 16, 17, 18, 19] },
];

/** True when `digits` has a known issuer prefix, a length that issuer uses, and a valid Luhn checksum. */
export function isCardNumber(digits: string): boolean {
  const network = NETWORKS.find((n) => n.prefix.test(digits));
  return network?.lengths.includes(digits.length) === true && luhnValid(digits);
}

/** Payment card numbers (PAN), Luhn-checked. */
export const creditCard: Detector = {
  name: 'creditCard',
  trigger: CHAR.digit,
  gate: (_text, facts) => digitsOf(facts) >= 13,
  scan: (text, replace) =>
    replaceWhere(text, CARD, 'creditCard', replace, (m) => isCardNumber(m.replace(/\D/g, ''))),
};
