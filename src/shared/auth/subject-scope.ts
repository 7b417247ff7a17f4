import type { HubContext } from '../context';
import type { ReadSnapshot } from '../read-snapshot';
import { requestLoader } from '../dataloader';
import { rowScope } from './scope';
import type { ListingFact } from '../list-types';

/** What the environment department needs to know of a subject from others, for award bars and notices. */
export interface SubjectRecord {
  /** The registered name (market supervision), or null when the code is not registered. */
  name: string | null;
  /** Entries on the credit office's and market supervision's lists, current and removed. */
  listings: ListingFact[];
}

/** A row of the credit office's measure catalogue, as other departments read it. */
export interface CatalogueMeasure {
  code: string;
  name: string;
  nature: string;
  triggerKind: string;
  triggerValues: string[];
  implementingAgency: string;
  legalBasis: string;
  /**
   * Set for a price measure (SEWAGE, ELECTRICITY): it follows the half-year snapshot of its colours,
   * not the colour of the day (DOMAIN.md §10, §11). Absent where the catalogue was read without it.
   */
  priceKind?: string | null;
}

/**
 * Other departments' facts that row scope (and the credit office's feedback roll-up) needs, asked through federation (never by reading another
 * department's tables): the registration district (market) and whether a subject is rated today
 * (environment). The gateway provides an implementation per process (see
 * src/gateway/services/subject-facts.service.ts); roles without row scope never call it.
 */
/** One subject's half-year snapshot as environment states it (see `SubjectFacts.halfYearSnapshotsOn`). */
export interface SubjectHalfYearSnapshotFact {
  uscc: string;
  color: string;
  consecutiveRed: number;
  /** False when derived because the snapshot has not been stored yet: prices resting on it are provisional. */
  stored: boolean;
  /** Set when a corrected version replaced the snapshot as taken: the day, and the original values. */
  correctedOn: string | null;
  originalColor: string | null;
  originalConsecutiveRed: number | null;
}

/** One of a subject's half-year snapshots as environment states it (see `SubjectFacts.halfYearSnapshotsKnownOn`). */
export type HalfYearSnapshotFact = Omit<SubjectHalfYearSnapshotFact, 'uscc'> & { periodEnd: string };

export interface SubjectFacts {
  /**
   * The registration district of each code the hub knows; unknown codes are absent. Read within the
   * asking request's `snapshot` where the department is served in-process.
   */
  districtsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, string>>;
  /** The codes that are rated (and so published) today; `snapshot` as above. */
  ratedOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Set<string>>;
  /**
   * Rated subjects with one of `colors` on some day of [from, to] (environment); for the feedback
   * roll-up and measures' subjects. With `knownOn`, the colours as the hub knew them that day.
   */
  coloredBetween(colors: readonly string[], from: string, to: string, snapshot: ReadSnapshot, knownOn?: string): Promise<Set<string>>;
  /** Subjects on one of market supervision's `listTypes` on some day of [from, to]; with `knownOn`, the entries as the hub knew them that day. */
  marketListedBetween(listTypes: readonly string[], from: string, to: string, snapshot: ReadSnapshot, knownOn?: string): Promise<Set<string>>;
  /** `coloredBetween` (as of today) of each of `colorSets`, in their order, asked of environment at once (one statement there). */
  coloredBetweenEach(colorSets: readonly (readonly string[])[], from: string, to: string, snapshot: ReadSnapshot): Promise<Set<string>[]>;
  /**
   * Tells the environment department that market supervision moved `uscc`'s registration to
   * `districtCode` (its hub-internal `followRegistrationDistrict`); `source` names the request, `by`
   * (when a request) learns which audit outbox the move filled. Resolves once environment has
   * committed the move; throws when it could not, so the caller's transaction (the registration's)
   * rolls back rather than leave the two departments disagreeing.
   */
  followDistrict(uscc: string, districtCode: string, source: string, by?: HubContext): Promise<void>;
  /**
   * Tells environment and the credit office that market supervision recorded a succession (DOMAIN.md
   * §11 Successors): each of `to` inherits the events (environment) and list designations (credit) of
   * every one of `from`. Their hub-internal `followSuccession`, like `followDistrict`: resolves once
   * both committed; throws when either could not, so the succession's transaction rolls back. Each
   * copy names its original, so telling them again copies nothing twice.
   */
  followSuccession(succession: SuccessionFact, by?: HubContext): Promise<void>;
  /**
   * Each subject's registered name and list entries (market, credit office), by code, for any number
   * of codes in one fetch per department; `snapshot` as above.
   */
  subjectRecordsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, SubjectRecord>>;
  /**
   * Environment's snapshot on `periodEnd` (a 30 June or 31 December) of every subject rated that day
   * whose colour is one of `colors`, stored or derived, by code; for the credit office's price list.
   * With `knownOn`, as the hub held them that day (DOMAIN.md §11 known-on prices).
   */
  halfYearSnapshotsOn(periodEnd: string, colors: readonly string[], snapshot: ReadSnapshot, knownOn?: string): Promise<SubjectHalfYearSnapshotFact[]>;
  /**
   * Each subject's half-year snapshots (environment's `envHalfYearSnapshots`) as the hub held them on
   * `knownOn` (DOMAIN.md §11 known-on prices: stored by then at the version stored by then, the rest
   * derived from the rating as then known), by code, in one fetch; subjects not rated (as then known)
   * are absent. For the price answers' `knownOn`.
   */
  halfYearSnapshotsKnownOn(usccs: readonly string[], knownOn: string, snapshot: ReadSnapshot): Promise<Map<string, HalfYearSnapshotFact[]>>;
  /** The credit office's measure catalogue in force on `asOf`, in catalogue order. */
  measureCatalogOn(asOf: string, snapshot: ReadSnapshot): Promise<CatalogueMeasure[]>;
  /**
   * The colour on `asOf` of those of `usccs` that are rated on that day (environment); absent = not
   * rated then. For a search page's candidates: one fetch however many codes.
   */
  colorsAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Map<string, string>>;
  /**
   * The rated subjects (of `districtCode` when given) whose colour on `asOf` is one of `colors`
   * (environment's colour source), by code, at most `first` (up to 20,000) after the code `after`:
   * a colour-filtered search pages through these instead of the registry.
   */
  subjectsOfColors(colors: readonly string[], asOf: string, districtCode: string | null, after: string | null, first: number, snapshot: ReadSnapshot): Promise<string[]>;
  /** How many subjects `subjectsOfColors` lists in all (environment's maintained counts); one fetch. */
  countOfColors(colors: readonly string[], asOf: string, districtCode: string | null, snapshot: ReadSnapshot): Promise<number>;
  /** Those of `usccs` in the rating scope on `asOf` (environment); one fetch. */
  ratedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Set<string>>;
  /** How many of `usccs` `ratedAmong` keeps; one fetch. */
  countRatedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<number>;
  /** Those of `usccs` with a credit office designation in force on `asOf` (credit); one fetch. */
  creditListedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Set<string>>;
  /**
   * How many subjects are rated on `asOf` (environment), with codes starting with `usccPrefix` when
   * given; one fetch. Every rated subject is registered, so this counts PUBLIC's search by code alone.
   */
  ratedCount(asOf: string, usccPrefix: string | null, snapshot: ReadSnapshot): Promise<number>;
  /** Every subject with a credit office designation in force on `asOf` (credit), by code; one fetch. */
  creditListedOn(asOf: string, snapshot: ReadSnapshot): Promise<string[]>;
  /**
   * Each rated subject's periods of constant colour (environment's `envColorTimeline`), by code, in
   * one fetch; unrated codes are absent. For finance's restriction on a date outside the current
   * colour period (which it receives through `@requires`); `snapshot` as above. With `knownOn`, the
   * timelines as environment knew them that day (DOMAIN.md §10; subjects enrolled later absent).
   */
  colorTimelinesOf(usccs: readonly string[], snapshot: ReadSnapshot, knownOn?: string): Promise<Map<string, ColorPeriodFact[]>>;
  /** The same timelines (as known today) from environment's stored colour periods, the one colour source: one statement, no event read. */
  storedColorPeriodsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, ColorPeriodFact[]>>;
}

/** A succession as market supervision tells the other departments (see `SubjectFacts.followSuccession`). */
export interface SuccessionFact {
  kind: string;
  from: string[];
  /** Each successor with its registration district (where environment enrols it when not yet rated). */
  to: { uscc: string; districtCode: string }[];
  source: string;
}

/** A period of one colour, as environment's timeline states it (`until` exclusive, null while it lasts). */
export interface ColorPeriodFact {
  color: string;
  from: string;
  until: string | null;
}

export function facts(ctx: HubContext): SubjectFacts {
  // Fail closed: a scoped caller without a way to check the scope sees nothing.
  if (!ctx.subjectFacts) throw new Error('row scope needs SubjectFacts, and this context has none');
  return ctx.subjectFacts;
}

const districtLoader = (ctx: HubContext) =>
  requestLoader<string, string | null>(ctx, 'scope:district', async (usccs) => {
    const districts = await facts(ctx).districtsOf(usccs, ctx.snapshot);
    return usccs.map((uscc) => districts.get(uscc) ?? null);
  });

const ratedLoader = (ctx: HubContext) =>
  requestLoader<string, boolean>(ctx, 'scope:rated', async (usccs) => {
    const rated = await facts(ctx).ratedOf(usccs, ctx.snapshot);
    return usccs.map((uscc) => rated.has(uscc));
  });

/**
 * The district of `uscc`'s market registration, or null when market supervision does not know the
 * code (an unregistered subject). This is the one district that governs ENV_OFFICER row scope; the
 * environment department's copy on `rated_subject` follows it (see SubjectDistrictService).
 */
export function registeredDistrict(ctx: HubContext, uscc: string): Promise<string | null> {
  return districtLoader(ctx).load(uscc);
}

/**
 * The one row-scope decision for a single subject: whether the caller may see `uscc` at all
 * (CONTRACT.md: outside the scope = does not exist). Every path that names a subject (queries,
 * `__resolveReference`, notices over HTTP, mutations, objections, repairs) asks this; set-valued
 * reads (distribution, draws, due subjects) filter by `rowScope` in SQL over the same district.
 *
 * `known` passes facts the department already holds, to save a federated lookup: the registration's
 * district (market's own row, or environment's copy that follows it) and `rated` (environment's own
 * row). Batched per request: N subjects cost one federated call per fact, not N.
 */
export async function subjectVisible(ctx: HubContext, uscc: string, known: { districtCode?: string; rated?: boolean } = {}): Promise<boolean> {
  const scope = rowScope(ctx.principal);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'district':
      return (known.districtCode ?? (await registeredDistrict(ctx, uscc))) === scope.district;
    case 'rated':
      return known.rated ?? ratedLoader(ctx).load(uscc);
  }
}

/**
 * `__resolveReference` with row scope: the representation as given when the caller may see the
 * subject, else null (the entity does not exist for this caller). No I/O for unscoped roles.
 */
export function scopedReference<T extends { uscc: string }>(ctx: HubContext, reference: T): T | null | Promise<T | null> {
  if (rowScope(ctx.principal).kind === 'all') {
    ctx.touchedUsccs.add(reference.uscc);
    return reference;
  }
  return subjectVisible(ctx, reference.uscc).then((visible) => {
    if (!visible) return null;
    // Every department's read of a subject counts for the audit trail, not only the first one.
    ctx.touchedUsccs.add(reference.uscc);
    return reference;
  });
}
