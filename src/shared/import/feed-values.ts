import { textLimitOf, textProblem } from '../text-limits';
import { usccProblem } from '../uscc';

/** A row-level problem: the row goes to the rejects file with this reason; nothing of it is applied. */
export class RowRejected extends Error {}

export function required(values: Record<string, string>, column: string): string {
  const value = values[column];
  if (value === undefined || value === '') throw new RowRejected(`${column} is required`);
  return checkedText(value, column);
}

export function optional(values: Record<string, string>, column: string): string | null {
  const value = values[column];
  return value === undefined || value === '' ? null : checkedText(value, column);
}

/** The same free-text limits as GraphQL inputs (shared/text-limits.ts), by column name. */
function checkedText(value: string, column: string): string {
  const limit = textLimitOf(column);
  if (value.length > limit) throw new RowRejected(`${column} is ${value.length} characters long; at most ${limit} are allowed`);
  const problem = textProblem(value);
  if (problem) throw new RowRejected(`${column} ${problem}`);
  return value;
}

export const ACCEPTED_DATE_FORMATS = 'YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYYMMDD';

/**
 * Accepts the date formats feeds write (ACCEPTED_DATE_FORMATS; a time after the date is ignored);
 * the date must exist in the calendar (2026-02-30 does not).
 */
export function feedDate(values: Record<string, string>, column: string, optionalValue = false): string | null {
  const raw = optionalValue ? optional(values, column) : required(values, column);
  if (raw === null) return null;
  const parts = /^(\d{4})(?:([-/.])(\d{2})\2(\d{2})(?:[ T].*)?|(\d{2})(\d{2}))$/.exec(raw);
  if (parts) {
    const [year, month, day] = [Number(parts[1]), Number(parts[3] ?? parts[5]), Number(parts[4] ?? parts[6])];
    // A calendar check by hand: feeds carry a date per row, and building a Date for each costs more than the rest of the row.
    const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (days === undefined || day < 1 || day > days) {
      throw new RowRejected(`${column} "${raw}" is not a date: no such day in the calendar (accepted formats: ${ACCEPTED_DATE_FORMATS})`);
    }
    if (parts[2] === '-' && raw.length === 10) return raw; // already YYYY-MM-DD (most feeds): no new string
    return `${parts[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  throw new RowRejected(`${column} "${raw}" is not a date (accepted formats: ${ACCEPTED_DATE_FORMATS})`);
}

/**
 * A USCC from a feed. Codes failing the GB 32100 check are rejected unless they are on the explicit
 * override list (genuine historical codes); `overridden` tells the caller to record the use.
 * Only a failing check character can be overridden: a code of the wrong length or alphabet cannot.
 */
export function feedUscc(values: Record<string, string>, column: string, overrides: ReadonlySet<string>): { uscc: string; overridden: boolean } {
  const uscc = required(values, column).toUpperCase();
  const problem = usccProblem(uscc);
  if (problem === null) return { uscc, overridden: false };
  if (problem.startsWith('check character') && overrides.has(uscc)) return { uscc, overridden: true };
  throw new RowRejected(`invalid USCC "${uscc}" in ${column}: ${problem}`);
}

export function oneOf<T extends string>(values: Record<string, string>, column: string, allowed: readonly T[]): T {
  const value = required(values, column).toUpperCase();
  if (!(allowed as readonly string[]).includes(value)) throw new RowRejected(`${column} "${value}" must be one of ${allowed.join(', ')}`);
  return value as T;
}
