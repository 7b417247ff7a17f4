import type { MiddlewareFn } from 'type-graphql';
import type { Principal } from './auth/principal';
import { rolesFor } from './auth/permission-table';
import type { HubContext } from './context';

/**
 * Personal data typed into free text (DOMAIN.md §10): a resident ID-card number (18 characters: a
 * six-digit division, a birth date, a three-digit sequence and a check digit or X) or a mobile number
 * (11 digits from 1) inside a penalty's facts, a listing's reason or an event's description is masked
 * for every role that may not read `Enterprise.legalRepresentativeIdNumber`.
 *
 * The birth-date part keeps 18-character organisation and credit codes (no date there) readable; a
 * neighbouring digit or letter means the digits belong to something longer (an account number).
 */
const ID_CARD = /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** `320706198001011234` → `3****************4`; `13812345678` → `138****5678` (the usual display of a masked number). */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_CARD, (id) => `${id[0]}${'*'.repeat(16)}${id[17]}`)
    .replace(MOBILE, (mobile) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`);
}

/** A person's name for roles that may not read it: `张三丰` → `张**` (the surname kept). */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** A resident ID number stored in its own field, for roles that may not read it: `320706198001011234` → `3207**********1234`. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(id.length - 8, 0))}${id.slice(-4)}`;
}

export function maySeePersonalData(principal: Pick<Principal, 'role'>): boolean {
  return rolesFor('Enterprise.legalRepresentativeIdNumber').includes(principal.role);
}

/**
 * Field middleware for free-text fields (`@UseMiddleware(MaskPersonalData)`): the stored text for the
 * roles that may read personal data, the masked text for everyone else.
 */
export const MaskPersonalData: MiddlewareFn<HubContext> = async ({ context }, next) => {
  const value: unknown = await next();
  return typeof value === 'string' && !maySeePersonalData(context.principal) ? maskPersonalData(value) : value;
};
