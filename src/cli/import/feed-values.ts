import { parseDate } from '../../shared/scalars';
import { textLimitOf, textProblem } from '../../shared/text-limits';
import { usccProblem } from '../../shared/uscc';

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

/** Accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD and YYYYMMDD, as feeds write dates. */
export function feedDate(values: Record<string, string>, column: string, optionalValue = false): string | null {
  const raw = optionalValue ? optional(values, column) : required(values, column);
  if (raw === null) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  const normalised = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : raw.slice(0, 10).replace(/[/.]/g, '-');
  try {
    return parseDate(normalised);
  } catch {
    throw new RowRejected(`${column} "${raw}" is not a date (YYYY-MM-DD)`);
  }
}

/**
 * A USCC from a feed. Codes failing the GB 32100 check are rejected unless they are on the explicit
 * override list (genuine historical codes); each accepted override is reported by the caller.
 */
export function feedUscc(values: Record<string, string>, column: string, overrides: ReadonlySet<string>): { uscc: string; overridden: boolean } {
  const uscc = required(values, column).toUpperCase();
  const problem = usccProblem(uscc);
  if (problem === null) return { uscc, overridden: false };
  if (overrides.has(uscc)) return { uscc, overridden: true };
  throw new RowRejected(`invalid USCC "${uscc}" in ${column}: ${problem}`);
}
