import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed links to a notice's printable page (CONTRACT.md round 2, `CreditNotice.printUrl`):
 * `/notices/<number>?exp=<unix seconds>&client=…&role=…&district=…&sig=<base64url HMAC-SHA256>`. A browser
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

/**
 * The reader a link was minted for: the principal that asked for the notice (its client, role and
 * district). On open, the gateway looks that reader up again and serves the page only within its
 * scope now (notice.route.ts), and audits the read under it.
 */
export interface LinkReader {
  clientId: string;
  role: string;
  districtCode: string | null;
}

function mac(number: string, exp: number, reader: LinkReader): Buffer {
  key ??= deriveKey();
  // JSON: an unambiguous encoding of values that may themselves contain dots (JWT subjects, issuers).
  return createHmac('sha256', key).update(JSON.stringify([number, exp, reader.clientId, reader.role, reader.districtCode ?? ''])).digest();
}

/**
 * The signed path of `number`'s printable page for `reader`, valid until `issuedAtMs` + the TTL:
 * `/notices/<number>?exp=<unix s>&client=<client id>&role=<role>[&district=<code>]&sig=<base64url>`.
 */
export function signedNoticePath(number: string, reader: LinkReader, issuedAtMs = Date.now()): string {
  const exp = Math.floor(issuedAtMs / 1000) + TTL_SECONDS;
  const query = new URLSearchParams({ exp: String(exp), client: reader.clientId, role: reader.role });
  if (reader.districtCode) query.set('district', reader.districtCode);
  query.set('sig', mac(number, exp, reader).toString('base64url'));
  return `/notices/${encodeURIComponent(number)}?${query.toString()}`;
}

export type NoticeLinkCheck = { outcome: 'forged' } | { outcome: 'expired' | 'valid'; reader: LinkReader };

/** Strings compared in constant time (the signature check must not tell how much of a guess was right). */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a link's parameters: `forged` when the signature does not match the number, expiry and
 * reader (or any is malformed), `expired` when it matches but the expiry has passed. The signature
 * must be the canonical text the hub wrote (unpadded base64url, its unused bits zero): a decoder
 * would accept other spellings of the same bytes (padding, `+/`, other trailing bits), which are
 * refused here so that a link has exactly one valid form.
 */
export function checkNoticeLink(number: string, params: URLSearchParams, nowMs = Date.now()): NoticeLinkCheck {
  const exp = params.get('exp');
  const sig = params.get('sig');
  const clientId = params.get('client');
  const role = params.get('role');
  if (!exp || !sig || !clientId || !role || !/^\d{1,12}$/.test(exp) || String(Number(exp)) !== exp) return { outcome: 'forged' };
  const reader: LinkReader = { clientId, role, districtCode: params.get('district') || null };
  if (!sameText(sig, mac(number, Number(exp), reader).toString('base64url'))) return { outcome: 'forged' };
  return { outcome: Number(exp) * 1000 <= nowMs ? 'expired' : 'valid', reader };
}
