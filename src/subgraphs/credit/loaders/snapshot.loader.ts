import { facts, type HalfYearSnapshotFact } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import type { IsoDate } from '../../../shared/dates';

/**
 * Environment's half-year snapshots of the request's subjects as the hub held them on `knownOn`
 * (DOMAIN.md §11 known-on prices), through the hub's federated facts: one fetch per batch and day.
 * Null for a subject environment did not rate as then known.
 */
export function snapshotsKnownOnLoader(ctx: HubContext, knownOn: IsoDate) {
  return requestLoader<string, readonly HalfYearSnapshotFact[] | null>(ctx, `credit:snapshots-known-on:${knownOn}`, async (usccs) => {
    const snapshots = await facts(ctx).halfYearSnapshotsKnownOn(usccs, knownOn, ctx.snapshot);
    return usccs.map((uscc) => snapshots.get(uscc) ?? null);
  });
}
