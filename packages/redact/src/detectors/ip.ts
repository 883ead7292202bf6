import { isIPv6 } from 'node:net';
import { CHAR, digitsOf, hasAll } from './facts';
import { type Detector, replaceWhere } from './types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?![\w:])/g;

/** IPv4 and IPv6 addresses (off by default: addresses are often needed for debugging). */
export const ip: Detector = {
  name: 'ip',
  trigger: CHAR.dot | CHAR.colon,
  gate: (_text, facts) => (digitsOf(facts) >= 4 && hasAll(facts, CHAR.dot)) || hasAll(facts, CHAR.colon),
  scan(text, replace) {
    const v4 = replaceWhere(text, IPV4, 'ip', replace, () => true);
    return v4.includes(':') ? replaceWhere(v4, IPV6, 'ip', replace, isIPv6) : v4;
  },
};
