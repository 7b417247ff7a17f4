import type { DataSource } from 'typeorm';
import { subjectVisible, type ColorPeriodFact } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { decodeCursor, DEFAULT_LIST_PAGE, encodeCursor, fingerprint, pageOf, pageSize } from '../../../shared/paging/cursor';
import { usccProblem } from '../../../shared/uscc';
import { badInput, forbidden, notFound } from '../../../shared/errors';
import { today, type IsoDate } from '../../../shared/dates';
import { halfYearOf } from '../../../shared/half-year';
import { decideSurcharge, surchargeApplies, type PriceKind, type SnapshotFact, type SurchargeRule } from '../rules/price-surcharge';
import type { CreditListingEntity } from '../entities/credit-listing.entity';
import type { MeasureEntity } from '../entities/measure.entity';
import { colorTimelineLoader } from '../../../shared/color-timeline.loader';
import { creditListingLoader } from '../loaders/credit-listing.loader';
import { snapshotsKnownOnLoader } from '../loaders/snapshot.loader';
import { measureCatalogVersions, priceSurchargeRules } from '../loaders/policy.loader';
import { AGENCY_KIND_OF_ROLE } from '../../../shared/auth/agency-kind';
import { checkKnownOn } from '../../../shared/known-on';
import { listingsAsKnownOn, punishmentListingsOn } from '../../../shared/list-types';
import type { CreditEnterprise } from '../types/credit-enterprise.type';
import type { MeasureSubjectConnection } from '../types/measure-subject.type';
import { MeasureTriggerKind, type AppliedMeasure } from '../types/measure.type';
import type { RequiredMarketListing } from '../types/required-facts.type';
import { inForce, toMeasure } from './measure-catalog.service';
import type { MeasureDueService } from './measure-due.service';


export interface MeasureFacts {
  /** The environment's colour periods (merged by colour, `until` exclusive), or null when not rated. */
  timeline: readonly ColorPeriodFact[] | null;
  creditListings: readonly Pick<CreditListingEntity, 'listType' | 'authority' | 'documentNo' | 'listedOn' | 'removedOn'>[];
  marketListings: readonly RequiredMarketListing[];
  /** The environment's half-year snapshots (stored or derived), or null when not rated: price measures follow them. */
  halfYearSnapshots: readonly SnapshotFact[] | null;
  /** The surcharge rules, for price measures. */
  surcharges: readonly SurchargeRule[];
  /** Today: a half-year whose snapshot day has not passed is not decided yet. */
  today: IsoDate;
}

interface Trigger {
  reason: string;
  since: IsoDate;
}

function listingInForce(listing: { listedOn: IsoDate; removedOn: IsoDate | null }, date: IsoDate): boolean {
  return listing.listedOn <= date && (listing.removedOn === null || date < listing.removedOn);
}

/** Where the uninterrupted run of periods with a colour in `colors`, ending with `timeline[index]`, began. */
function runStart(timeline: readonly ColorPeriodFact[], index: number, colors: readonly string[]): IsoDate {
  let start = index;
  while (start > 0 && timeline[start - 1].until === timeline[start].from && colors.includes(timeline[start - 1].color)) start--;
  return timeline[start].from;
}

/**
 * The measures in force on `asOf` that the subject's colour on that date or its list entries in force
 * on that date trigger, one entry per measure with every reason. A measure stops the day the colour
 * leaves its trigger colours or the last triggering entry is removed. While an entry on a punishment
 * list is in force, no REWARD applies (DOMAIN.md §10: GREEN rewards are suspended while listed).
 */
export function applicableMeasures(catalog: readonly MeasureEntity[], facts: MeasureFacts, asOf: IsoDate): AppliedMeasure[] {
  const timeline = facts.timeline ?? [];
  const periodIndex = timeline.findIndex((p) => p.from <= asOf && (p.until === null || asOf < p.until));
  const period = periodIndex >= 0 ? timeline[periodIndex] : null;
  const listings = [
    ...facts.creditListings.filter((l) => listingInForce(l, asOf)),
    ...facts.marketListings.filter((l) => listingInForce(l, asOf)),
  ];
  const rewardsSuspended = punishmentListingsOn(listings, asOf).length > 0;
  const applied: AppliedMeasure[] = [];
  for (const measure of catalog) {
    if (!inForce(measure, asOf)) continue;
    if (rewardsSuspended && measure.nature === 'REWARD') continue;
    const triggers: Trigger[] = [];
    if (measure.priceKind) {
      // A price measure follows the deciding half-year snapshot, exactly as sewageFee does (DOMAIN.md §10).
      const decision = facts.halfYearSnapshots ? decideSurcharge(facts.surcharges, measure.priceKind as PriceKind, facts.halfYearSnapshots, asOf, facts.today) : null;
      if (surchargeApplies(decision)) triggers.push({ reason: `half-year ${decision.period} surcharge: ${decision.basis}`, since: halfYearOf(asOf).start });
    } else if (measure.triggerKind === MeasureTriggerKind.COLOR) {
      if (period && measure.triggerValues.includes(period.color)) {
        triggers.push({
          reason: `environmental credit colour ${period.color} since ${period.from}${period.until ? ` (until ${period.until})` : ''}`,
          since: runStart(timeline, periodIndex, measure.triggerValues),
        });
      }
    } else {
      for (const listing of listings.filter((l) => measure.triggerValues.includes(l.listType))) {
        triggers.push({
          reason: `listed ${listing.listType} by ${listing.authority} since ${listing.listedOn}, document ${listing.documentNo ?? 'unnumbered'}`,
          since: listing.listedOn,
        });
      }
    }
    if (triggers.length === 0) continue;
    const earliest = triggers.map((t) => t.since).sort()[0];
    applied.push({
      measure: toMeasure(measure),
      reason: triggers.map((t) => t.reason).join('; '),
      since: earliest > measure.effectiveFrom ? earliest : measure.effectiveFrom,
    });
  }
  return applied;
}

/** The connection name cursors of measureSubjectsConnection carry. */
const MEASURE_SUBJECTS = 'measureSubjectsConnection';

/** Joint rewards and punishments for one subject on a date, and the subjects of one measure (DOMAIN.md §5). */
export class JointMeasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly due: MeasureDueService,
  ) {}

  /**
   * The subjects `code` applies to on `asOf`, in the caller's row scope, by code: those whose
   * `jointMeasures(asOf)` holds it. A bank or utility may ask only for measures of its own kind.
   */
  async subjectsOf(ctx: HubContext, code: string, asOf: IsoDate | undefined, knownOn?: IsoDate): Promise<CreditEnterprise[]> {
    const subjects = await this.visibleSubjects(ctx, code, asOf, knownOn);
    for (const uscc of subjects) ctx.touchedUsccs.add(uscc);
    return subjects.map((uscc) => ({ uscc }));
  }

  /**
   * `subjectsOf` a page at a time, by code. The due subjects are still worked out whole for each page
   * (as `subjectsOf` does, from other departments' sets), then paged by code; only the page's
   * subjects are read further by the gateway and recorded as read.
   */
  async subjectsPage(
    ctx: HubContext,
    code: string,
    asOf: IsoDate | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    knownOn?: IsoDate,
  ): Promise<MeasureSubjectConnection> {
    const size = pageSize(first, DEFAULT_LIST_PAGE);
    const issuedFor = fingerprint({ code, asOf: asOf ?? knownOn ?? today(), knownOn: knownOn ?? null });
    const start = decodeCursor(after, MEASURE_SUBJECTS, issuedFor, ([uscc, ...rest]) => (rest.length === 0 && typeof uscc === 'string' && usccProblem(uscc) === null ? uscc : null));
    const subjects = await this.visibleSubjects(ctx, code, asOf, knownOn);
    const rest = start === null ? subjects : subjects.filter((uscc) => uscc > start);
    const page = pageOf(rest.slice(0, size + 1), size, (uscc) => encodeCursor(MEASURE_SUBJECTS, issuedFor, [uscc]), (uscc) => ({ uscc }));
    for (const edge of page.edges) ctx.touchedUsccs.add(edge.node.uscc);
    return { ...page, totalCount: subjects.length };
  }

  /**
   * The codes `code` applies to on `asOf` (default today, or `knownOn`) that the caller may see,
   * sorted. With a past `knownOn`, as the hub answered that day (DOMAIN.md §10, §11): colours as then
   * known, list entries and removals learnt later left out, prices from the snapshot versions stored
   * by then. The catalogue is today's: measures are never defined for the past (§10).
   */
  private async visibleSubjects(ctx: HubContext, code: string, asOfGiven: IsoDate | undefined, knownOn?: IsoDate): Promise<string[]> {
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const asOf = asOfGiven ?? knownOn ?? today();
    const past = knownOn !== undefined && knownOn < today() ? knownOn : undefined;
    const versions = (await measureCatalogVersions(ctx, this.dataSource)).filter((row) => row.code === code);
    if (versions.length === 0) throw notFound(`no measure ${code} in the catalogue`);
    const measure = versions.find((row) => inForce(row, asOf));
    if (!measure) throw badInput(`measure ${code} is not in force on ${asOf}`);
    const agencyKind = AGENCY_KIND_OF_ROLE[ctx.principal.role];
    if (agencyKind && measure.agencyKind !== agencyKind) {
      throw forbidden(`${ctx.principal.role} may list the subjects of ${agencyKind} measures only; ${code} is implemented by ${measure.implementingAgency}`);
    }
    const due = (await this.due.subjectsDue(ctx, [measure], asOf, asOf, past)).get(code);
    if (!due) throw new Error(`the subjects of ${code} cannot be known without other departments' facts`);
    const usccs = [...due].sort();
    const visible = await Promise.all(usccs.map((uscc) => subjectVisible(ctx, uscc)));
    return usccs.filter((_, i) => visible[i]);
  }

  /**
   * The measures applying on `asOf` (default today, or `knownOn` when given), from the colour and
   * market list entries the gateway supplied (`@requires`) and the credit office's own designations;
   * banks and utilities see only their own kind.
   *
   * With `knownOn` (DOMAIN.md §10 known-on dates), what the hub answered on that day, as
   * `creditRestriction(knownOn:)` does: colour measures from the colour timeline as environment knew it
   * then (`envCredit(knownOn:)`'s; none for a subject enrolled later), list measures from the entries
   * (credit office's and market supervision's) the hub had learnt of by then, removals learnt later not
   * yet done, and price measures from the half-year snapshots as held then (DOMAIN.md §11 known-on
   * prices: the version stored by then, as `sewageFee(knownOn:)` decides). `knownOn` today is today's knowledge.
   */
  async measuresOf(ctx: HubContext, enterprise: CreditEnterprise, asOf: IsoDate | undefined, knownOn: IsoDate | undefined): Promise<AppliedMeasure[]> {
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const date = asOf ?? knownOn ?? today();
    const past = knownOn !== undefined && knownOn < today() ? knownOn : undefined;
    const timelineNow = enterprise.envColorTimeline ?? null;
    const snapshotsNow = enterprise.envHalfYearSnapshots ?? null;
    const [catalog, surcharges, creditListings, timeline, halfYearSnapshots] = await Promise.all([
      measureCatalogVersions(ctx, this.dataSource),
      priceSurchargeRules(ctx, this.dataSource),
      creditListingLoader(ctx, this.dataSource).load(enterprise.uscc),
      // Not rated today (or not visible): not rated as known on any earlier day either.
      past && timelineNow ? colorTimelineLoader(ctx, past).load(enterprise.uscc) : timelineNow,
      past && snapshotsNow ? snapshotsKnownOnLoader(ctx, past).load(enterprise.uscc) : snapshotsNow,
    ]);
    const marketListings = enterprise.marketListingFacts ?? [];
    const applied = applicableMeasures(catalog, {
      timeline,
      creditListings: past ? listingsAsKnownOn(creditListings, past) : creditListings,
      marketListings: past ? listingsAsKnownOn(marketListings, past) : marketListings,
      halfYearSnapshots,
      surcharges,
      // On a past knownOn, a half-year whose snapshot day had not passed then was not decided.
      today: past ?? today(),
    }, date);
    const agencyKind = AGENCY_KIND_OF_ROLE[ctx.principal.role];
    return agencyKind ? applied.filter((a) => a.measure.agencyKind === agencyKind) : applied;
  }
}
