import type { CastingContext, Options } from 'csv-stringify';

/*
 * CSV injection (OWASP "CSV Injection"): a spreadsheet program that opens a CSV file runs a cell
 * beginning with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, `-2+3+cmd|' /C calc'!A0`),
 * and a leading tab or carriage return can hide such a character from a check that looks at the
 * first character only. Every CSV the hub writes passes its cells through `safeCsvCell`, through
 * csv-stringify's `cast` option (SAFE_CSV_CAST), so no export can forget it.
 */

/** The first characters that make a spreadsheet read a cell as a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A plain decimal number, e.g. `-12.50` or `+3`: a spreadsheet reads it as that number, never as a
 * formula, so it is written unchanged (a negative figure stays a number a reader can add up).
 */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Whether a text would be read as a formula by a spreadsheet program (names flagged on import and registration). */
export function formulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * The cell as written to CSV: a text that `formulaLike` gets a leading single quote (`'=1+2`), which
 * spreadsheet programs show as the text itself; everything else is unchanged. Numbers (JavaScript
 * numbers and plain decimal strings) are never changed.
 */
export function safeCsvCell(value: string): string {
  return formulaLike(value) ? `'${value}` : value;
}

/** csv-stringify's `cast` for every CSV the hub writes: string cells through `safeCsvCell`; header names are the hub's own. */
export const SAFE_CSV_CAST: NonNullable<Options['cast']> = {
  string: (value: string, context: CastingContext) => (context.header ? value : safeCsvCell(value)),
};
