import type { DetectorName } from '../types';
import { authHeaderDetector } from './auth-header';
import { creditCard } from './card';
import { commandLineDetector } from './command-line';
import { cookieDetector } from './cookie';
import { emailDetector } from './email';
import { iban } from './iban';
import { keyValueDetector } from './key-value';
import { ip } from './ip';
import { markupDetector } from './markup';
import { phone } from './phone';
import { ssn } from './ssn';
import { apiKey, bearer, jwt, privateKey } from './tokens';
import type { Detector } from './types';
import { urlDetector } from './url';

/** Every built-in detector name, in the order they run, with its default. */
export const DETECTOR_DEFAULTS: Readonly<Record<DetectorName, boolean>> = {
  privateKey: true,
  url: true,
  jwt: true,
  bearer: true,
  apiKey: true,
  email: true,
  iban: true,
  creditCard: true,
  ssn: true,
  phone: true,
  keyValue: true,
  ip: false,
};

/** What the URL-aware detectors need from the redactor. */
export interface DetectorDeps {
  readonly urlCensor: string;
  readonly redactUrl: (url: string) => string;
  readonly isSensitiveParam: (key: string) => string | undefined;
  readonly isSensitiveKey: (key: string) => string | undefined;
  /** The sensitive key names (built-in and user), for the `keyValue` gate. */
  readonly keyNames: readonly string[];
  /** Censor strings a positional detector must leave alone (so scanning its own output changes nothing). */
  readonly alreadyCensored: ReadonlySet<string>;
  readonly censorUrlValue: (value: string, rule: string) => string;
}

/**
 * Builds the enabled built-in detectors in their run order: URL and token formats before generic shapes, and
 * `keyValue` after them (so `authorization: Bearer x` is seen whole by `bearer` first).
 */
export function builtInDetectors(enabled: ReadonlySet<DetectorName>, deps: DetectorDeps): Detector[] {
  const { isSensitiveKey, alreadyCensored } = deps;
  const all: Record<DetectorName, () => Detector[]> = {
    privateKey: () => [privateKey],
    url: () => [urlDetector(deps.redactUrl, deps.isSensitiveParam, deps.censorUrlValue, alreadyCensored)],
    // Cookie headers, markup and command lines first: a plain pair reading would censor only their first value.
    keyValue: () => [
      cookieDetector(alreadyCensored),
      markupDetector(isSensitiveKey, alreadyCensored),
      commandLineDetector(isSensitiveKey, alreadyCensored),
      keyValueDetector(deps.keyNames, isSensitiveKey, alreadyCensored),
    ],
    jwt: () => [jwt],
    bearer: () => [bearer, authHeaderDetector(alreadyCensored)],
    apiKey: () => [apiKey],
    email: () => [emailDetector(deps.urlCensor)],
    iban: () => [iban],
    creditCard: () => [creditCard],
    ssn: () => [ssn],
    phone: () => [phone],
    ip: () => [ip],
  };
  return (Object.keys(DETECTOR_DEFAULTS) as DetectorName[])
    .filter((n) => enabled.has(n))
    .flatMap((n) => all[n]());
}
