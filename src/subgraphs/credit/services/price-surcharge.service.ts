import type { DataSource } from 'typeorm';
import { subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { requestLoader } from '../../../shared/dataloader';
import { halfYearOf, parseHalfYear, type HalfYear } from '../../../shared/half-year';
import { checkKnownOn } from '../../../shared/known-on';
import { priceSurchargeRules } from '../loaders/policy.loader';
import { snapshotsKnownOnLoader } from '../loaders/snapshot.loader';
import { decideFromSnapshot, decideSurcharge, surchargeApplies, surchargedColors, type PriceKind, type SurchargeDecision } from '../rules/price-surcharge';
import type { CreditEnterprise } from '../types/credit-enterprise.type';
import type { ElectricitySurcharge, PriceSurchargeConnection, PriceSurchargeEntry, SewageFee, SurchargeCorrection } from '../types/price-surcharge.type';

/** The most a page of the price list may hold: larger asks are refused, not truncated. */
export const PRICE_LIST_MAX_PAGE = 1000;

/**
 * One subject of the half-year price list: both surcharges as `sewageFee`/`electricitySurcharge`
 * answer them for any day of that half-year, and the deciding snapshot. The row an export writes.
 */
export interface PriceListRow {
  uscc: string;
  period: string;
  snapshotDay: IsoDate;
  snapshotColor: string;
  consecutiveRed: number;
  sewage: SurchargeDecision;
  electricity: SurchargeDecision;
  /** True when the deciding snapshot is derived, not stored yet. */
  provisional: boolean;
}

const correction = (d: SurchargeDecision): SurchargeCorrection | null =>
  d.correction && {
    originalSurcharge: d.correction.originalAmount,
    originalBasis: d.correction.originalBasis,
    correctedOn: d.correction.correctedOn,
    monthsBilled: d.correction.monthsBilled,
    billedPeriod: d.correction.billedPeriod,
    differencePerUnit: d.correction.differencePerUnit,
  };
const sewageFee = (d: SurchargeDecision): SewageFee => ({ surchargePerCubicMetre: d.amount, period: d.period, basis: d.basis, provisional: d.provisional, correction: correction(d) });
const electricity = (d: SurchargeDecision): ElectricitySurcharge => ({ surchargePerKwh: d.amount, period: d.period, basis: d.basis, provisional: d.provisional, correction: correction(d) });

function encodeCursor(uscc: string): string {
  return Buffer.from(`uscc:${uscc}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('uscc:') || !/^[0-9A-Z]{18}$/.test(text.slice(5))) throw badInput(`after "${cursor.slice(0, 64)}" is not a cursor of this list`);
  return text.slice(5);
}

/**
 * Differential prices (DOMAIN.md §6, §10), all from environment's half-year snapshots: per subject
 * from the snapshots the gateway supplies through `@requires`, and for the whole half-year (the
 * price list, price measures' subjects) from the same snapshots asked through federation. One
 * decision function (rules/price-surcharge.ts) answers all of them, so they cannot disagree.
 */
export class PriceSurchargeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The surcharge of `kind` for the half-year containing `asOf` (default today, or `knownOn`). With a
   * past `knownOn` (DOMAIN.md §11 known-on prices), what the hub answered that day: from the snapshot
   * version stored by then (corrections stored later left out; a snapshot not stored by then derived
   * from the colour as then known), and nothing decided for a half-year whose snapshot day had not
   * passed on `knownOn`. `knownOn` today is today's knowledge.
   */
  private async decide(ctx: HubContext, enterprise: CreditEnterprise, kind: PriceKind, asOf: IsoDate | undefined, knownOn: IsoDate | undefined): Promise<SurchargeDecision | null> {
    if (knownOn !== undefined) checkKnownOn(knownOn);
    // Null snapshots: the environment does not rate the subject (or the caller may not see it), nor did it on any earlier day.
    if (!enterprise.envHalfYearSnapshots) return null;
    const past = knownOn !== undefined && knownOn < today() ? knownOn : undefined;
    const [rules, snapshots] = await Promise.all([
      priceSurchargeRules(ctx, this.dataSource),
      past ? snapshotsKnownOnLoader(ctx, past).load(enterprise.uscc) : enterprise.envHalfYearSnapshots,
    ]);
    if (!snapshots) return null;
    return decideSurcharge(rules, kind, snapshots, asOf ?? knownOn ?? today(), past ?? today());
  }

  async sewageFeeOf(ctx: HubContext, enterprise: CreditEnterprise, asOf?: IsoDate, knownOn?: IsoDate): Promise<SewageFee | null> {
    const decision = await this.decide(ctx, enterprise, 'SEWAGE', asOf, knownOn);
    return decision && sewageFee(decision);
  }

  async electricitySurchargeOf(ctx: HubContext, enterprise: CreditEnterprise, asOf?: IsoDate, knownOn?: IsoDate): Promise<ElectricitySurcharge | null> {
    const decision = await this.decide(ctx, enterprise, 'ELECTRICITY', asOf, knownOn);
    return decision && electricity(decision);
  }

  /**
   * THE surcharge list of a half-year, the single source for `priceSurcharges`, price measures'
   * subjects (`measureSubjects`, the feedback roll-up) and exports: every subject whose sewage or
   * electricity surcharge for `half` is above the normal price, ordered by code, with its basis.
   * Not row-scoped (callers apply the scope); null when the deciding snapshot day has not passed.
   */
  async surchargeList(ctx: HubContext, half: HalfYear, knownOn?: IsoDate): Promise<PriceListRow[] | null> {
    // With a past `knownOn` (DOMAIN.md §11 known-on prices): the list the hub held that day, from the
    // snapshot versions stored by then; a half-year whose snapshot day had not passed was not decided.
    const past = knownOn !== undefined && knownOn < today() ? knownOn : undefined;
    if (half.snapshotDay >= (past ?? today())) return null;
    // Once per request, half-year and known-on day: measureSubjects, the roll-up and the list may all ask.
    return requestLoader<string, PriceListRow[]>(ctx, `credit:price-list:${past ?? 'today'}`, (starts) =>
      Promise.all(starts.map((start) => this.computeList(ctx, halfYearOf(start), past))),
    ).load(half.start);
  }

  private async computeList(ctx: HubContext, half: HalfYear, knownOn: IsoDate | undefined): Promise<PriceListRow[]> {
    if (!ctx.subjectFacts) throw new Error('the price list needs environment\'s snapshots, and this context has no SubjectFacts');
    const rules = await priceSurchargeRules(ctx, this.dataSource);
    const colors = surchargedColors(rules, half.start);
    if (colors.length === 0) return [];
    const snapshots = await ctx.subjectFacts.halfYearSnapshotsOn(half.snapshotDay, colors, ctx.snapshot, knownOn);
    const rows: PriceListRow[] = [];
    // A decision depends on the snapshot's colour, run of RED and whether it is stored, only (and on a
    // correction, rare): decided once per such kind of snapshot, not once per subject (a province's
    // list has tens of thousands of rows and a handful of kinds). Decisions are shared, never changed.
    const decided = new Map<string, { sewage: SurchargeDecision; power: SurchargeDecision }>();
    const decide = (snapshot: (typeof snapshots)[number]) => ({
      sewage: decideFromSnapshot(rules, 'SEWAGE', half.start, half.snapshotDay, snapshot),
      power: decideFromSnapshot(rules, 'ELECTRICITY', half.start, half.snapshotDay, snapshot),
    });
    for (const snapshot of snapshots) {
      let decision: { sewage: SurchargeDecision; power: SurchargeDecision };
      if (snapshot.correctedOn) decision = decide(snapshot);
      else {
        const key = `${snapshot.color}|${snapshot.consecutiveRed}|${snapshot.stored}`;
        decision = decided.get(key) ?? decide(snapshot);
        decided.set(key, decision);
      }
      const { sewage, power } = decision;
      if (!surchargeApplies(sewage) && !surchargeApplies(power)) continue;
      rows.push({
        uscc: snapshot.uscc,
        period: half.period,
        snapshotDay: half.snapshotDay,
        snapshotColor: snapshot.color,
        consecutiveRed: snapshot.consecutiveRed,
        sewage,
        electricity: power,
        provisional: !snapshot.stored,
      });
    }
    return rows.sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  }

  /** The subjects whose `kind` surcharge applies in `half` (a price measure's subjects), as held on `knownOn` when given; null when not decided yet. */
  async surchargedOn(ctx: HubContext, kind: PriceKind, half: HalfYear, knownOn?: IsoDate): Promise<Set<string> | null> {
    const list = await this.surchargeList(ctx, half, knownOn);
    if (!list) return null;
    return new Set(list.filter((row) => surchargeApplies(kind === 'SEWAGE' ? row.sewage : row.electricity)).map((row) => row.uscc));
  }

  /**
   * The price list of a half-year in the caller's row scope, for exports (CSV): rows as the
   * `priceSurcharges` connection pages them, in code order. An export plugs in here (or pages
   * `priceSurcharges`), never recomputing prices itself.
   */
  async *surchargeRows(ctx: HubContext, period: string): AsyncGenerator<PriceListRow> {
    const list = await this.listIn(ctx, period);
    for (const row of list) yield row;
  }

  private async listIn(ctx: HubContext, period: string): Promise<PriceListRow[]> {
    const half = parseHalfYear(period);
    if (!half) throw badInput(`period "${period.slice(0, 40)}" must name a half-year: YYYY-H1, YYYY-H2 or YYYY-01-01/YYYY-06-30, YYYY-07-01/YYYY-12-31`);
    const list = await this.surchargeList(ctx, half);
    if (!list) throw badInput(`period ${half.period} is not decided yet: its snapshot day ${half.snapshotDay} has not passed (today is ${today()})`);
    const visible = await Promise.all(list.map((row) => subjectVisible(ctx, row.uscc)));
    return list.filter((_, i) => visible[i]);
  }

  /** `priceSurcharges`: the price list of `period`, paged by code (keyset: `after` is the last code seen). */
  async connection(ctx: HubContext, period: string, first: number, after: string | null): Promise<PriceSurchargeConnection> {
    if (!Number.isInteger(first) || first < 1 || first > PRICE_LIST_MAX_PAGE) throw badInput(`first must be between 1 and ${PRICE_LIST_MAX_PAGE}, not ${first}`);
    const afterUscc = after ? decodeCursor(after) : null;
    const list = await this.listIn(ctx, period);
    const rest = afterUscc ? list.filter((row) => row.uscc > afterUscc) : list;
    const page = rest.slice(0, first);
    for (const row of page) ctx.touchedUsccs.add(row.uscc);
    const edges = page.map((row) => ({ cursor: encodeCursor(row.uscc), node: toEntry(row) }));
    return { edges, totalCount: list.length, pageInfo: { hasNextPage: rest.length > page.length, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function toEntry(row: PriceListRow): PriceSurchargeEntry {
  return {
    uscc: row.uscc,
    enterprise: { uscc: row.uscc },
    period: row.period,
    snapshotDay: row.snapshotDay,
    snapshotColor: row.snapshotColor as CreditColor,
    consecutiveRed: row.consecutiveRed,
    sewageFee: sewageFee(row.sewage),
    electricitySurcharge: electricity(row.electricity),
    provisional: row.provisional,
  };
}
