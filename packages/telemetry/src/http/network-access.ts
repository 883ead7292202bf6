import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { TelemetryConfigError } from '../errors';
import { unmapIPv4 } from './client-address';
import type { RequestHeaders } from './types';

/** Loopback and private ranges (RFC 1918, RFC 4193), allowed to scrape by default. */
export const DEFAULT_SCRAPE_NETWORKS: readonly string[] = Object.freeze([
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::1/128',
  'fc00::/7',
]);

type Family = 'ipv4' | 'ipv6';

function family(address: string): Family | undefined {
  if (isIPv4(address)) return 'ipv4';
  return isIPv6(address) ? 'ipv6' : undefined;
}

/** A BlockList of CIDRs and single addresses; a bad entry throws naming `option[i]`. */
export function networkList(option: string, entries: readonly string[]): BlockList {
  const list = new BlockList();
  entries.forEach((entry, i) => {
    const [address = '', prefix, extra] = entry.trim().split('/');
    const type = family(unmapIPv4(address));
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = type === 'ipv4' ? 32 : 128;
    const validPrefix = bits === undefined || (/^\d{1,3}$/.test(prefix ?? '') && bits <= max);
    if (!type || extra !== undefined || !validPrefix)
      throw new TelemetryConfigError(`${option}[${i}]`, 'an IP address or CIDR like "10.0.0.0/8"', entry);
    if (bits === undefined) list.addAddress(unmapIPv4(address), type);
    else list.addSubnet(unmapIPv4(address), bits, type);
  });
  return list;
}

/** True when `address` (IPv4-mapped IPv6 read as IPv4) is in `list`. */
export function inList(list: BlockList, address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = unmapIPv4(address.trim());
  const type = family(plain);
  return type !== undefined && list.check(plain, type);
}

function firstHeader(value: RequestHeaders[string]): string | undefined {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : undefined;
}

/**
 * The client address to judge: the socket peer, or, when the peer is a trusted proxy, the right-most
 * `X-Forwarded-For` hop that is not itself a trusted proxy. `undefined` when a hop is not an IP address.
 */
export function scrapeClient(
  peer: string | undefined,
  headers: RequestHeaders,
  trusted: BlockList | undefined,
): string | undefined {
  if (!trusted || !inList(trusted, peer)) return peer;
  const forwarded = firstHeader(headers['x-forwarded-for']);
  if (forwarded === undefined) return peer;
  const hops = forwarded.split(',', 64);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = (hops[i] ?? '').trim();
    if (!family(unmapIPv4(hop))) return undefined;
    if (i === 0 || !inList(trusted, hop)) return hop;
  }
  return undefined;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A constant-time check of `Authorization: Bearer <token>` (digests compared, so lengths never leak). */
export function bearerCheck(token: string): (headers: RequestHeaders) => boolean {
  const expected = digest(token);
  return (headers) => {
    const value = firstHeader(headers['authorization']);
    if (value === undefined || value.length > 4096 || !/^bearer /i.test(value)) return false;
    return timingSafeEqual(digest(value.slice(7).trim()), expected);
  };
}
