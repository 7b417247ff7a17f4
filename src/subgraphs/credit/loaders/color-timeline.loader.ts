import type { ColorPeriodFact } from '../../../shared/auth/subject-scope';
import { facts } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { requestLoader } from '../../../shared/dataloader';
import type { IsoDate } from '../../../shared/dates';

/**
 * Environment's colour timelines of the request's subjects as the hub knew them on `knownOn`
 * (`envColorTimelineKnownOn`, the one `envCredit(knownOn:)` and finance's `creditRestriction(knownOn:)`
 * read), asked through the hub's federated facts: one fetch per batch and known-on day. Null for a
 * subject environment did not rate on that day (enrolled later).
 */
export function colorTimelineKnownOnLoader(ctx: HubContext, knownOn: IsoDate) {
  return requestLoader<string, readonly ColorPeriodFact[] | null>(ctx, `credit:color-timelines-known-on:${knownOn}`, async (usccs) => {
    const timelines = await facts(ctx).colorTimelinesOf(usccs, ctx.snapshot, knownOn);
    return usccs.map((uscc) => timelines.get(uscc) ?? null);
  });
}
