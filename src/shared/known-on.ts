import { today, type IsoDate } from './dates';
import { badInput } from './errors';

/**
 * The one rule on a `knownOn` argument (DOMAIN.md §10 known-on dates), wherever a department answers
 * "what the hub said on K": K may be any past day or today, never a future one. `asOf` may fall on
 * either side of K (what the hub said on K about a later day follows from what it knew on K).
 */
export function checkKnownOn(knownOn: IsoDate): void {
  if (knownOn > today()) throw badInput(`knownOn ${knownOn} is in the future (today is ${today()}); the hub cannot say what it will know`);
}
