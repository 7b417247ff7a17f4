import { badInput } from '../../../shared/errors';

/** A GraphQL ID of one of the bureau's rows (a positive integer). */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw badInput(`${what} "${value}" is not a valid id`);
  return id;
}

/** Trimmed required free text, bounded. */
export function requiredText(value: string, what: string, max = 2000): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${what} must not be empty`);
  if (trimmed.length > max) throw badInput(`${what} is longer than ${max} characters`);
  return trimmed;
}
