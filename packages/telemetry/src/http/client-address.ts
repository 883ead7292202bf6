import { isIPv4, isIPv6 } from 'node:net';

/** How the client address appears in logs and on spans. */
export type ClientAddressMode = 'truncate' | 'full' | 'omit';

const MAPPED_PREFIX = '::ffff:';

/** `::ffff:10.1.2.3` (an IPv4 client on a dual-stack socket) as `10.1.2.3`; anything else unchanged. */
export function unmapIPv4(address: string): string {
  if (address.length > MAPPED_PREFIX.length && address.toLowerCase().startsWith(MAPPED_PREFIX)) {
    const tail = address.slice(MAPPED_PREFIX.length);
    if (isIPv4(tail)) return tail;
  }
  return address;
}

/** The 16-bit groups of an IPv6 address (zone id dropped, `::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  const bare = address.split('%', 1)[0] ?? '';
  const [head = '', tail] = bare.split('::', 2) as [string, string | undefined];
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The address with its last IPv4 octet, or the low 80 bits of IPv6, zeroed; `undefined` when not an IP. */
export function truncateAddress(address: string): string | undefined {
  const plain = unmapIPv4(address);
  if (isIPv4(plain)) return `${plain.slice(0, plain.lastIndexOf('.'))}.0`;
  if (!isIPv6(plain)) return undefined;
  const [a, b, c] = ipv6Groups(plain).map((group) => group.toString(16));
  // The URL parser prints the canonical compressed form (`2001:db8::`, `::`).
  return new URL(`http://[${a}:${b}:${c}::]`).hostname.slice(1, -1);
}

/** The client address as `mode` asks; `undefined` when omitted or not an IP address. */
export function presentAddress(address: string | undefined, mode: ClientAddressMode): string | undefined {
  if (address === undefined || mode === 'omit') return undefined;
  if (mode === 'truncate') return truncateAddress(address);
  const plain = unmapIPv4(address);
  return isIPv4(plain) || isIPv6(plain) ? plain : undefined;
}

/**
 * {@link presentAddress} for one mode, remembering the last answer: the requests of a keep-alive connection
 * (and of one proxy) share their address.
 */
export function addressPresenter(
  mode: ClientAddressMode,
): (address: string | undefined) => string | undefined {
  let last: string | undefined;
  let presented: string | undefined;
  return (address) => {
    if (address !== last) {
      presented = presentAddress(address, mode);
      last = address;
    }
    return presented;
  };
}
