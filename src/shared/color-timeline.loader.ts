import { facts, type ColorPeriodFact } from './auth/subject-scope';
import type { HubContext } from './context';
import { requestLoader } from './dataloader';
import type { IsoDate } from './dates';

/**
 * Environment's colour timelines of the request's subjects, asked by the departments that act on
 * the colour (finance's restriction, the credit office's joint measures) through the hub's federated
 * facts: one fetch per batch and known-on day. With `knownOn`, the timeline as the hub knew it that
 * day (`envColorTimelineKnownOn`, the one `envCredit(knownOn:)` reads); without, today's knowledge.
 * Null for a subject environment does not rate (or did not on `knownOn`: enrolled later). One loader
 * per request and day, shared by the departments served in the process (same principal, same facts).
 */
export function colorTimelineLoader(ctx: HubContext, knownOn?: IsoDate) {
  return requestLoader<string, readonly ColorPeriodFact[] | null>(ctx, `hub:color-timelines:${knownOn ?? 'today'}`, async (usccs) => {
    const timelines = await facts(ctx).colorTimelinesOf(usccs, ctx.snapshot, knownOn);
    return usccs.map((uscc) => timelines.get(uscc) ?? null);
  });
}
