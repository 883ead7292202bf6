import { type Detector, replaceWhere } from './types';

// Only formatted numbers count: plain digit runs (ids, timestamps) never match. Alternatives:
// E.164 / international with "+", NANP with separators, trunk-0 national (UK/DE/...), French pairs.
const PHONE = new RegExp(
  '(?<![\\w+./-])(?:' +
    [
      '\\+[1-9]\\d{0,14}(?:[ .-]?\\(\\d{1,5}\\)|[ .-]\\d{1,8}){0,6}',
      '(?:1[ .-]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}',
      '0\\d{1,4}[ /-]\\d{3,8}(?:[ -]\\d{2,5})?',
      '0[1-9](?:[ .]\\d{2}){4}',
    ].join('|') +
    ')(?!\\w|[.,-]\\d)',
  'g',
);

/** True when a candidate has a plausible number of digits for its form. */
export function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (candidate.startsWith('+')) return digits >= 8 && digits <= 15;
  if (candidate.startsWith('0')) return digits >= 9 && digits <= 12;
  return digits === 10 || digits === 11;
}

/** Phone numbers: E.164 and common national formats, tuned against plain numbers, dates and versions. */
export const phone: Detector = {
  name: 'phone',
  gate: (_text, digits) => digits >= 8,
  scan: (text, replace) => replaceWhere(text, PHONE, 'phone', replace, isPhone),
};
