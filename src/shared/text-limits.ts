import { badInput } from './errors';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a string cannot be accepted at all, or null: PostgreSQL text cannot hold NUL, and a lone UTF-16
 * surrogate is not a character (it would be stored as U+FFFD, silently changing what was sent).
 */
/** Any character textProblem looks at: most text has none, and this is cheaper than the full check. */
const SUSPECT = /[\0\uD800-\uDFFF]/;

export function textProblem(value: string): string | null {
  if (!SUSPECT.test(value)) return null;
  if (value.includes('\0')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not a Unicode character)';
  return null;
}

/**
 * Longest accepted free text, in characters, by input field name (issue 15: 100 KB names were
 * stored). Every string argument and input field of every subgraph is checked (`checkTextInputs`);
 * a field not named here gets DEFAULT_TEXT_LIMIT.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  name: 200,
  nameZh: 200,
  nameEn: 200,
  legalRepresentative: 200,
  agency: 200,
  implementingAgency: 200,
  authority: 200,
  onBehalfOf: 200,
  address: 500,
  decisionNo: 100,
  documentNo: 100,
  businessRef: 100,
  code: 100,
  note: 2000,
  description: 2000,
  reason: 2000,
  removalReason: 2000,
  grounds: 2000,
  legalBasis: 2000,
  purpose: 200,
};

/** For any string input not named in TEXT_LIMITS (codes, filters, references). */
export const DEFAULT_TEXT_LIMIT = 2000;

export function textLimitOf(field: string): number {
  return TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
}

/**
 * Refuses a resolver's arguments when a string in them is over its field's limit or cannot be
 * stored (`textProblem`); BAD_USER_INPUT names the argument path, e.g. `input.name`, and the limit.
 * Walks plain objects and arrays (input types) only; the hub's inputs nest a few levels.
 */
export function checkTextInputs(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const field = path.replace(/\[\d+\]$/, '').split('.').pop() ?? path;
    const limit = textLimitOf(field);
    if (value.length > limit) throw badInput(`${path} is ${value.length} characters long; at most ${limit} are allowed`, { field: path, limit });
    const problem = textProblem(value);
    if (problem) throw badInput(`${path} ${problem}`, { field: path });
    return;
  }
  if (Array.isArray(value)) value.forEach((item, index) => checkTextInputs(item, `${path}[${index}]`));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) checkTextInputs(item, `${path}.${key}`);
  }
}
