import { badInput } from '../../../shared/errors';

/** A GraphQL ID of one of the bureau's rows (shared/ids.ts). */
export { parseRowId as parseId } from '../../../shared/ids';

/** Trimmed required free text, bounded. */
export function requiredText(value: string, what: string, max = 2000): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${what} must not be empty`);
  if (trimmed.length > max) throw badInput(`${what} is longer than ${max} characters`);
  return trimmed;
}
