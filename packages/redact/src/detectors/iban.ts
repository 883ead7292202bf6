import { CHAR, digitsOf } from './facts';
import { type Detector, replaceWhere } from './types';

const IBAN =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

// Registered IBAN lengths per country (SWIFT IBAN registry), as "CCnn" pairs.
const REGISTRY =
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 ' +
  'FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 ' +
  'LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 ' +
  'SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20';
const LENGTHS = new Map(REGISTRY.split(' ').map((e) => [e.slice(0, 2), Number(e.slice(2))]));

/** True when `iban` (no spaces) has its country's registered length and passes the ISO 7064 mod-97 check. */
export function isIban(iban: string): boolean {
  if (LENGTHS.get(iban.slice(0, 2)) !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

/** International bank account numbers, compact or printed in groups of four, mod-97 checked. */
export const iban: Detector = {
  name: 'iban',
  trigger: CHAR.upper,
  gate: (_text, facts) => digitsOf(facts) >= 6,
  scan: (text, replace) => replaceWhere(text, IBAN, 'iban', replace, (m) => isIban(m.replace(/ /g, ''))),
};
