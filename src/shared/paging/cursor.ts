import { createHash } from 'node:crypto';
import { badInput } from '../errors';

/**
 * Keyset (cursor) paging, shared by every connection of the hub.
 *
 * A cursor is opaque to clients: `base64url(JSON [connection, filter fingerprint, ...key])`. It carries
 * only a position in a stable order (the key of the last row seen, e.g. a USCC or a row id), never
 * data or rights: row scope and field permissions are applied to every page as to the first, so a
 * forged cursor can only move where a page starts. It is validated, not signed (a signature would need
 * a key shared by every process of a deployment for no gain): a cursor that does not decode, belongs to
 * another connection, was issued for another filter, or whose key is malformed is refused with
 * BAD_USER_INPUT naming the argument, never silently read as "from the start".
 */

/** The most edges one page may hold; the operation guard also counts `first` in a request's list-items budget. */
export const MAX_PAGE_SIZE = 1000;

/** Default `first` of the connections over one subject's lists and of measureSubjectsConnection. */
export const DEFAULT_LIST_PAGE = 50;

/** A fingerprint of the arguments that define a connection's rows (not `first`/`after`): a cursor only continues the same list. */
export function fingerprint(definition: unknown): string {
  return createHash('sha256').update(JSON.stringify(definition ?? null)).digest('base64url').slice(0, 12);
}

export function encodeCursor(connection: string, filterFingerprint: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([connection, filterFingerprint, ...key]), 'utf8').toString('base64url');
}

/**
 * The key of `cursor` (null when absent). `validKey` checks the key's parts (types, format) and returns
 * it typed, or null when malformed. The error names `argument` (`after`) and says why.
 */
export function decodeCursor<K>(
  cursor: string | null | undefined,
  connection: string,
  filterFingerprint: string,
  validKey: (parts: unknown[]) => K | null,
  argument = 'after',
): K | null {
  if (cursor === null || cursor === undefined) return null;
  const refuse = (why: string) => badInput(`${argument} "${cursor.length > 80 ? `${cursor.slice(0, 80)}…` : cursor}" is not a cursor of ${connection}: ${why}`, { argument });
  if (cursor.length > 256 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse('it is not a cursor this hub issued (use pageInfo.endCursor as given)');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('it does not decode (use pageInfo.endCursor as given)');
  }
  if (!Array.isArray(parts) || parts.length < 3) throw refuse('it does not decode (use pageInfo.endCursor as given)');
  const [name, issuedFor, ...key] = parts as unknown[];
  if (name !== connection) throw refuse(`it was issued by ${typeof name === 'string' ? name : 'something else'}`);
  if (issuedFor !== filterFingerprint) throw refuse('it was issued for other arguments (filter, code or date); a cursor continues only the list it came from');
  const valid = validKey(key);
  if (valid === null) throw refuse('its position is malformed');
  return valid;
}

/** `first` checked: a whole number from 0 to MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined, defaultSize: number, argument = 'first'): number {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < 0) throw badInput(`${argument} must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${size}`, { argument });
  if (size > MAX_PAGE_SIZE) throw badInput(`${argument} may be at most ${MAX_PAGE_SIZE}, got ${size}; page with after: pageInfo.endCursor`, { argument, limit: MAX_PAGE_SIZE });
  return size;
}

/** One edge of a connection. */
export interface Edge<N> {
  cursor: string;
  node: N;
}

/**
 * Builds a page from up to `size + 1` rows read in the connection's order (the extra row only tells
 * that a next page exists).
 */
export function pageOf<R, N>(rows: readonly R[], size: number, cursorOf: (row: R) => string, nodeOf: (row: R) => N): { edges: Edge<N>[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const shown = rows.slice(0, size);
  const edges = shown.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

export type CursorKey = readonly (string | number)[];

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return (a[i] ?? '') < (b[i] ?? '') ? -1 : 1;
  }
  return 0;
}

/**
 * Up to `size + 1` items of `items` (already in the order of `keyOf`, ascending) after `after`: for a
 * connection over a list a department reads whole anyway (one subject's events or penalty records,
 * loaded for a batch of subjects in one statement).
 */
export function itemsAfter<T>(items: readonly T[], keyOf: (item: T) => CursorKey, after: CursorKey | null, size: number): T[] {
  const start = after === null ? 0 : items.findIndex((item) => compareKeys(keyOf(item), after) > 0);
  return start < 0 ? [] : items.slice(start, start + size + 1);
}

/** A cursor key `[date, id]` (a row of a per-subject list, e.g. an event by occurredOn and id), or null when malformed. */
export function dateIdKey(parts: unknown[]): [string, number] | null {
  const [date, id, ...rest] = parts;
  return rest.length === 0 && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isSafeInteger(id) ? [date, id as number] : null;
}

/**
 * A connection over a list read whole and in key order (see `itemsAfter`): `definition` names what the
 * list is of (the subject's code), so a cursor of one subject's list does not continue another's.
 */
export function listConnection<T>(
  connection: string,
  definition: unknown,
  items: readonly T[],
  keyOf: (item: T) => [string, number],
  first: number | null | undefined,
  after: string | null | undefined,
  defaultSize: number,
): { edges: Edge<T>[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } {
  const size = pageSize(first, defaultSize);
  const issuedFor = fingerprint(definition);
  const start = decodeCursor(after, connection, issuedFor, dateIdKey);
  const rows = itemsAfter(items, keyOf, start, size);
  return { ...pageOf(rows, size, (item) => encodeCursor(connection, issuedFor, keyOf(item)), (item) => item), totalCount: items.length };
}
