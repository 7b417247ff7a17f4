import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { badInput } from './errors';
import { usccProblem } from './uscc';
import { failsOnlyCheckCharacter, isAdmittedOverride } from './uscc-overrides';

/**
 * The validated parse of a USCC; the error names the code and the reason (CONTRACT.md). A code whose
 * only fault is its check character passes when it was admitted through the audited override list
 * (see uscc-overrides.ts); every other failing code is BAD_USER_INPUT.
 */
export function parseUscc(value: unknown): string {
  if (typeof value !== 'string') throw badInput(`USCC must be a string, got ${JSON.stringify(value)}`);
  const problem = usccProblem(value);
  if (problem && !(failsOnlyCheckCharacter(value) && isAdmittedOverride(value))) throw badInput(`invalid USCC "${value}": ${problem}`, { uscc: value });
  return value;
}

export const UsccScalar = new GraphQLScalarType({
  name: 'USCC',
  description: 'Unified Social Credit Code (GB 32100-2015): 18 characters, check character verified.',
  serialize: (value) => value,
  parseValue: parseUscc,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw badInput('USCC must be written as a string literal');
    return parseUscc(ast.value);
  },
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as `YYYY-MM-DD`; kept as that string inside the hub (dates carry no time zone). */
export function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw badInput(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const match = DATE_PATTERN.exec(value);
  // JavaScript accepts year 0000 (1 BC); PostgreSQL and the calendar do not.
  if (match?.[1] === '0000') throw badInput(`invalid Date "${value}": there is no year 0000`);
  if (match) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value) return value;
  }
  throw badInput(`invalid Date "${value}": expected an existing calendar date as YYYY-MM-DD`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  parseValue: parseDate,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw badInput('Date must be written as a string literal YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

/**
 * graphql-scalars' RFC 3339 `DateTime` (it refuses a day that does not exist, `2026-02-30T00:00:00Z`),
 * with its refusal as BAD_USER_INPUT naming the value: its own error carries no code, which the hub's
 * error mapping would answer as INTERNAL.
 */
function parseDateTime(parse: () => unknown, value: unknown): unknown {
  try {
    return parse();
  } catch (error) {
    throw badInput(`invalid DateTime ${JSON.stringify(value)}: expected an existing instant in RFC 3339 form, e.g. 2026-03-01T08:00:00Z or 2026-03-01T16:00:00+08:00`, {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  parseValue: (value) => parseDateTime(() => GraphQLDateTime.parseValue(value), value),
  parseLiteral: (ast, variables) => parseDateTime(() => GraphQLDateTime.parseLiteral(ast, variables), ast.kind === Kind.STRING ? ast.value : ast.kind),
});
