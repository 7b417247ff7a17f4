import { badInput } from './errors';

/** The largest id of the hub's tables (`integer` serial columns). */
const MAX_ROW_ID = 2_147_483_647;

/**
 * A GraphQL ID of one of the hub's rows: a positive integer written in decimal digits, within the
 * `integer` range (past it PostgreSQL would fail the statement instead of finding nothing).
 */
export function parseRowId(value: string, what: string): number {
  const id = Number(value);
  if (!/^\d{1,10}$/.test(value) || id <= 0 || id > MAX_ROW_ID) throw badInput(`${what} "${value}" is not a valid id (a whole number from 1 to ${MAX_ROW_ID})`, { field: what });
  return id;
}
