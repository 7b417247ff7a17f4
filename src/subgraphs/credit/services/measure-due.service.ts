import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import { halfYearsBetween } from '../../../shared/half-year';
import type { PriceKind } from '../rules/price-surcharge';
import type { PriceSurchargeService } from './price-surcharge.service';
import { CreditListType, listingsAsKnownOn, PUNISHMENT_LISTS, type ListingFact } from '../../../shared/list-types';
import type { ColorPeriodFact, SubjectFacts } from '../../../shared/auth/subject-scope';
import { readManager } from '../../../shared/read-snapshot';
import type { MeasureEntity } from '../entities/measure.entity';
import { MeasureTriggerKind } from '../types/measure.type';

const CREDIT_LISTS: string[] = Object.values(CreditListType);

/** The subjects on a punishment list on some day of [from, to] (see `punishedBetween`). */
interface PunishedBetween {
  from: IsoDate;
  to: IsoDate;
  subjects: Set<string>;
}

/**
 * Which subjects measures were due for on some day of [from, to], by trigger (DOMAIN.md §5): the
 * credit office's own list designations from its tables; colours (environment) and market lists
 * (market) through federation, as the hub (`ctx.subjectFacts`): one call for every colour trigger
 * (`coloredBetweenEach`), one per distinct market-list trigger, never by reading another department's tables. The same rules as `jointMeasures`: a measure is due
 * on a day when the subject has a triggering colour or a triggering list entry in force that day.
 */
export class MeasureDueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly prices: PriceSurchargeService,
  ) {}

  /**
   * Per measure code, the subjects due; a measure whose due subjects cannot be known here (no facts)
   * is absent. With a past `knownOn`, as the hub knew them that day (DOMAIN.md §10, §11): colours as
   * then known, list entries and removals learnt later left out, prices from the snapshot versions
   * stored by then.
   */
  async subjectsDue(ctx: HubContext, measures: readonly MeasureEntity[], from: IsoDate, to: IsoDate, knownOn?: IsoDate): Promise<Map<string, Set<string>>> {
    const facts = ctx.subjectFacts;
    // Every colour-triggered measure's subjects from one answer of environment's (one statement there), whatever the number of colour sets.
    const colorSets = [...new Set(measures.filter((m) => !m.priceKind && m.triggerKind === MeasureTriggerKind.COLOR).map((m) => [...m.triggerValues].sort().join(',')))];
    const colored =
      facts && colorSets.length > 0 && knownOn === undefined
        ? facts.coloredBetweenEach(colorSets.map((key) => key.split(',')), from, to, ctx.snapshot).then((sets) => new Map(colorSets.map((key, i) => [key, sets[i]])))
        : Promise.resolve(new Map<string, Set<string>>());
    const needsCreditLists = measures.some((m) => m.triggerKind === MeasureTriggerKind.LISTING && m.triggerValues.some((v) => CREDIT_LISTS.includes(v)));
    const [listed, coloredSets] = await Promise.all([needsCreditLists ? this.creditListed(ctx, from, to, knownOn) : [], colored]);
    // One federated call (or statement) per distinct question, however many measures ask it.
    const asked = new Map<string, Promise<unknown>>();
    const ask = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      let answer = asked.get(key) as Promise<T> | undefined;
      if (!answer) asked.set(key, (answer = load()));
      return answer;
    };
    const due = new Map<string, Set<string>>();
    await Promise.all(
      measures.map(async (measure) => {
        const values = [...measure.triggerValues].sort();
        // The colour sets' answers are shared by the measures of the same colours (read only: a
        // reward's suspensions are taken out of a copy below), not copied per measure.
        let subjects = new Set<string>();
        if (measure.priceKind) {
          // A price measure: the half-year price list of every half-year in [from, to] (DOMAIN.md §10).
          for (const half of halfYearsBetween(from, to)) {
            const surcharged = await this.prices.surchargedOn(ctx, measure.priceKind as PriceKind, half, knownOn);
            for (const uscc of surcharged ?? []) subjects.add(uscc);
          }
        } else if (measure.triggerKind === MeasureTriggerKind.COLOR) {
          if (!facts) return;
          if (knownOn === undefined) subjects = coloredSets.get(values.join(',')) ?? subjects;
          // As known on a past day: each colour set asked with knownOn (rare; the dashboard asks for today).
          else for (const uscc of await ask(`color:${values.join(',')}`, () => facts.coloredBetween(values, from, to, ctx.snapshot, knownOn))) subjects.add(uscc);
        } else {
          for (const row of listed) if (values.includes(row.list_type)) subjects.add(row.uscc);
          const marketLists = values.filter((value) => !CREDIT_LISTS.includes(value));
          if (marketLists.length > 0) {
            if (!facts) return;
            for (const uscc of await ask(`market:${marketLists.join(',')}`, () => facts.marketListedBetween(marketLists, from, to, ctx.snapshot, knownOn))) subjects.add(uscc);
          }
        }
        if (measure.nature === 'REWARD' && facts && subjects.size > 0) {
          const punished = await ask('punished', () => this.punishedBetween(facts, ctx, from, to, knownOn));
          // Rewards with the same trigger have the same due subjects, and so the same suspended ones: asked once.
          const trigger = `suspended:${measure.priceKind ?? ''}:${measure.triggerKind}:${values.join(',')}`;
          const suspended = await ask(trigger, () => this.suspendedRewards(facts, ctx, measure, subjects, punished, knownOn));
          if (suspended.length > 0) {
            // A copy: `subjects` may be the colour set other measures share.
            subjects = new Set(subjects);
            for (const uscc of suspended) subjects.delete(uscc);
          }
        }
        due.set(measure.code, subjects);
      }),
    );
    return due;
  }

  /**
   * Those of `subjects` a REWARD was never due for on a day of [from, to] (the caller removes them): while a subject
   * has an entry in force on a punishment list, its rewards are suspended (DOMAIN.md §10; the rule
   * `jointMeasures` applies day by day). Only subjects with a punishment entry overlapping the window
   * are looked at, each on the days its reward can start to apply: the first day of a triggering
   * period (or `from`) and the day a punishment entry ends.
   */
  private async suspendedRewards(
    facts: SubjectFacts,
    ctx: HubContext,
    measure: MeasureEntity,
    subjects: ReadonlySet<string>,
    punished: PunishedBetween,
    knownOn: IsoDate | undefined,
  ): Promise<string[]> {
    const { from, to } = punished;
    const overlaps = (l: { listedOn: string; removedOn: string | null }) => l.listedOn <= to && (l.removedOn === null || l.removedOn > from);
    // Only subjects with a punishment entry overlapping the window can be suspended: their records alone
    // are fetched (a few hundred of a province's tens of thousands of GREEN subjects), then judged as before.
    const candidates = [...subjects].filter((uscc) => punished.subjects.has(uscc));
    if (candidates.length === 0) return [];
    const records = await facts.subjectRecordsOf(candidates, ctx.snapshot);
    const suspended = candidates.filter((uscc) => (records.get(uscc)?.listings ?? []).some((l) => l.listType in PUNISHMENT_LISTS && overlaps(l)));
    if (suspended.length === 0) return [];
    const timelines =
      measure.triggerKind !== MeasureTriggerKind.COLOR
        ? new Map<string, ColorPeriodFact[]>()
        : knownOn
          ? await facts.colorTimelinesOf(suspended, ctx.snapshot, knownOn)
          : await facts.storedColorPeriodsOf(suspended, ctx.snapshot);
    const neverDue: string[] = [];
    for (const uscc of suspended) {
      const recorded: ListingFact[] = records.get(uscc)?.listings ?? [];
      const listings = knownOn ? listingsAsKnownOn(recorded, knownOn) : recorded;
      // The periods the reward's trigger was in force: colour periods, or entries on a triggering list.
      const triggering =
        measure.triggerKind === MeasureTriggerKind.COLOR
          ? (timelines.get(uscc) ?? []).filter((p) => measure.triggerValues.includes(p.color)).map((p) => ({ start: p.from, end: p.until }))
          : listings.filter((l) => measure.triggerValues.includes(l.listType)).map((l) => ({ start: l.listedOn, end: l.removedOn }));
      const punishing = listings.filter((l) => l.listType in PUNISHMENT_LISTS);
      const inForce = (period: { start: string; end: string | null }, day: string) => period.start <= day && (period.end === null || day < period.end);
      const candidates = [from, ...triggering.map((p) => p.start), ...punishing.flatMap((l) => (l.removedOn ? [l.removedOn] : []))];
      const dueOnSomeDay = candidates.some(
        (day) => day >= from && day <= to && triggering.some((p) => inForce(p, day)) && !punishing.some((l) => inForce({ start: l.listedOn, end: l.removedOn }, day)),
      );
      if (!dueOnSomeDay) neverDue.push(uscc);
    }
    return neverDue;
  }

  /**
   * Every subject with an entry on a punishment list (DOMAIN.md §10) in force on some day of [from, to]:
   * the credit office's designations from its table, market supervision's entries through federation.
   * The same overlap `suspendedRewards` applies to a subject's records, over the same rows, so
   * the subjects it could suspend are all in here.
   */
  private async punishedBetween(facts: SubjectFacts, ctx: HubContext, from: IsoDate, to: IsoDate, knownOn: IsoDate | undefined): Promise<PunishedBetween> {
    const creditPunishment = CREDIT_LISTS.filter((type) => type in PUNISHMENT_LISTS);
    const marketPunishment = Object.keys(PUNISHMENT_LISTS).filter((type) => !CREDIT_LISTS.includes(type));
    const [credit, market] = await Promise.all([
      this.creditListed(ctx, from, to, knownOn),
      marketPunishment.length > 0 ? facts.marketListedBetween(marketPunishment, from, to, ctx.snapshot, knownOn) : Promise.resolve(new Set<string>()),
    ]);
    const subjects = new Set(market);
    for (const row of credit) if (creditPunishment.includes(row.list_type)) subjects.add(row.uscc);
    return { from, to, subjects };
  }

  /** The credit office's designations in force on some day of [from, to] (with `knownOn`: as `listingsAsKnownOn` knows them). */
  private async creditListed(ctx: HubContext, from: IsoDate, to: IsoDate, knownOn?: IsoDate): Promise<{ list_type: string; uscc: string }[]> {
    const manager = await readManager(ctx, this.dataSource);
    return manager.query(
      `SELECT DISTINCT list_type, uscc FROM credit.list_designation
        WHERE listed_on <= $2 AND (removed_on IS NULL OR removed_on > $1 OR ($3::date IS NOT NULL AND removal_recorded_on > $3::date))
          AND ($3::date IS NULL OR recorded_on <= $3::date)`,
      [from, to, knownOn ?? null],
    );
  }
}
