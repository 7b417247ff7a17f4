import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed links to a notice's printable page (CONTRACT.md round 2, `CreditNotice.printUrl`):
 * `/notices/<number>?exp=<unix seconds>&sig=<base64url HMAC-SHA256 over "<number>.<exp>">`. A browser
 * opens it without a Bearer header; whoever holds the link may read that one notice until it expires,
 * so it is handed only to callers who may read the notice, and it lives minutes, not days.
 *
 * node:crypto rather than a JWT library: the link carries two values and one MAC, and a JWT in a
 * query string would only add a header and claims nobody reads.
 *
 * The key is never stored in the database (a database dump must not let anyone mint links):
 * HUB_NOTICE_LINK_SECRET; else derived (HKDF) from HUB_SUBGRAPH_SECRET, which every process of a
 * distributed hub shares; else random per process, which suffices when one process issues and serves
 * the links (the default single-process hub). Links do not survive a restart of such a process.
 */
const TTL_SECONDS = Number(process.env.HUB_NOTICE_LINK_TTL_SECONDS) > 0 ? Number(process.env.HUB_NOTICE_LINK_TTL_SECONDS) : 15 * 60;

function deriveKey(): Buffer {
  if (process.env.HUB_NOTICE_LINK_SECRET) return Buffer.from(process.env.HUB_NOTICE_LINK_SECRET, 'utf8');
  if (process.env.HUB_SUBGRAPH_SECRET) {
    return Buffer.from(hkdfSync('sha256', process.env.HUB_SUBGRAPH_SECRET, 'ecocredit-hub', 'notice-link', 32));
  }
  return randomBytes(32);
}

let key: Buffer | null = null;

function mac(number: string, exp: number): Buffer {
  key ??= deriveKey();
  return createHmac('sha256', key).update(`${number}.${exp}`).digest();
}

/** The signed path of `number`'s printable page, valid until `issuedAtMs` + the TTL. */
export function signedNoticePath(number: string, issuedAtMs = Date.now()): string {
  const exp = Math.floor(issuedAtMs / 1000) + TTL_SECONDS;
  const sig = mac(number, exp).toString('base64url');
  return `/notices/${encodeURIComponent(number)}?exp=${exp}&sig=${sig}`;
}

export type NoticeLinkCheck = 'valid' | 'forged' | 'expired';

/**
 * Checks a link's parameters: `forged` when the signature does not match the number and expiry
 * (or either is malformed), `expired` when it matches but the expiry has passed.
 */
export function checkNoticeLink(number: string, exp: string | null, sig: string | null, nowMs = Date.now()): NoticeLinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'forged';
  const expected = mac(number, Number(exp));
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return Number(exp) * 1000 <= nowMs ? 'expired' : 'valid';
}
