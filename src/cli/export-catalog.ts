/**
 * The views `ecocredit export` knows, with the description its help prints: a copy of the names and
 * descriptions of EXPORT_VIEWS (src/apps/exports/export-views.ts), kept here so that `--help` and a
 * mistyped view answer without loading the application. test/exports.test.ts fails when they differ.
 */
export const EXPORT_CATALOG: Readonly<Record<string, string>> = {
  'public-ratings': 'every rated subject with its colour today, as published (the same for every caller)',
  surcharges: 'subjects with a sewage-fee or electricity surcharge in a half-year (--period 2026-H2)',
  portfolio: "a bank's borrowers: colour and credit restriction for each code sent (POST a codes file, ?codes=, or --codes <file>)",
};
