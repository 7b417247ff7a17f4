import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { badInput } from '../../shared/errors';

/** Longest accepted endpoint URL. */
const MAX_URL_LENGTH = 2_048;

export interface EndpointPolicy {
  /** NODE_ENV=production: only https endpoints. */
  production: boolean;
  /** HUB_WEBHOOK_ALLOW_PRIVATE: loopback and private addresses allowed (tests, demo). */
  allowPrivate: boolean;
}

/**
 * ::/96, the deprecated IPv4-compatible addresses. Node's BlockList reads the text as the socket
 * layer does (inet_pton: `::8.8.8.8` is ::808:808; ipaddr.js reads that text as IPv4-mapped).
 */
const IPV4_COMPATIBLE = new BlockList();
IPV4_COMPATIBLE.addSubnet('::', 96, 'ipv6');

/**
 * Whether `address` is a public unicast address. ipaddr.js classifies ranges (loopback, private,
 * link-local with the cloud metadata address 169.254.169.254, carrier-grade NAT, unique-local,
 * multicast, reserved, and the IPv6 ranges that embed an IPv4 address: NAT64 64:ff9b::/96, 6to4,
 * Teredo, IPv4-translated) and unwraps IPv4-mapped IPv6 (`::ffff:127.0.0.1`); only `unicast`
 * passes. The deprecated IPv4-compatible range ::/96 (`[::127.0.0.1]` is `::7f00:1`, which some
 * stacks still route to 127.0.0.1) counts as unicast there, so it is refused here, whatever the
 * IPv4 address it embeds: no public endpoint is written that way.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  if (isIP(address) === 6 && IPV4_COMPATIBLE.check(address, 'ipv6')) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The literal address of a URL's host (brackets of IPv6 removed), or null for a host name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : null;
}

/**
 * Checks a subscriber's endpoint URL when the subscription is made (a clear BAD_USER_INPUT): an
 * absolute http(s) URL, https in production, no user:password part, and a literal address that is
 * public unless private ones are allowed. Host names are checked where it matters, on every
 * connection (guardedLookup), since DNS may answer differently later.
 */
export function checkEndpointUrl(text: string, policy: EndpointPolicy): URL {
  if (text.length > MAX_URL_LENGTH) throw badInput(`url is longer than ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(`url "${text.slice(0, 100)}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput(`url must be https (got ${url.protocol})`);
  if (policy.production && url.protocol !== 'https:') throw badInput('url must be https in production');
  if (url.username || url.password) throw badInput('url must not carry a user name or password; authenticate deliveries by their signature');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate) {
    if (literalAddress(url) !== null && !isPublicAddress(host)) throw badInput(`url points at ${host}, a private, loopback or reserved address (allowed only with HUB_WEBHOOK_ALLOW_PRIVATE=1)`);
    if (host === 'localhost' || host.endsWith('.localhost')) throw badInput(`url points at ${host} (allowed only with HUB_WEBHOOK_ALLOW_PRIVATE=1)`);
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses, at connect time, a host name resolving to any
 * non-public address: the check and the connection use the same answer, so a DNS record changed
 * after the subscription (DNS rebinding) cannot point deliveries at the hub's own network. Node
 * does not call `lookup` for a literal address: postWebhook checks those itself before connecting.
 * The refusal names the host, never the address it resolved to (the delivery log is shown to the
 * subscriber, who must not learn the hub's internal addresses).
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses;
      const refused = allowPrivate ? undefined : list.find(({ address }) => !isPublicAddress(address));
      if (refused) {
        const denied: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private, loopback or reserved address`);
        denied.code = 'EADDRNOTALLOWED';
        return callback(denied, []);
      }
      if (options.all) return callback(null, list);
      const [first] = list;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
