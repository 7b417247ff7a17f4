import type { CatalogueMeasure, ColorPeriodFact, SuccessionFact, HalfYearSnapshotFact, SubjectFacts, SubjectHalfYearSnapshotFact, SubjectRecord } from '../../shared/auth/subject-scope';
import type { ListingFact } from '../../shared/list-types';
import { today } from '../../shared/dates';
import type { HubContext } from '../../shared/context';
import type { Department } from '../../shared/database';
import type { ReadSnapshot } from '../../shared/read-snapshot';
import type { SubgraphExecutor } from './subgraph-executor.service';

const DISTRICTS = `query ScopeDistricts($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc districtCode } } }`;
const TIMELINES = `query ColorTimelines($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc envColorTimeline { color from until } } } }`;
const TIMELINES_KNOWN_ON = `query ColorTimelinesKnownOn($r: [_Any!]!, $knownOn: Date!) { _entities(representations: $r) { ... on Enterprise { uscc envColorTimeline: envColorTimelineKnownOn(knownOn: $knownOn) { color from until } } } }`;
const SNAPSHOTS_KNOWN_ON = `query HalfYearSnapshotsKnownOn($r: [_Any!]!, $knownOn: Date!) { _entities(representations: $r) { ... on Enterprise { uscc envHalfYearSnapshotsKnownOn(knownOn: $knownOn) { periodEnd color consecutiveRed stored correctedOn originalColor originalConsecutiveRed } } } }`;
const RATED = `query ScopeRated($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc envColorTimeline { from } } } }`;

const COLORED = `query DueByColor($colors: [CreditColor!]!, $from: Date!, $to: Date!, $knownOn: Date) { subjectsColoredBetween(colors: $colors, from: $from, to: $to, knownOn: $knownOn) }`;
const ON_SNAPSHOT = `query PriceListSnapshots($periodEnd: Date!, $colors: [CreditColor!]!, $knownOn: Date) {
  subjectsOnHalfYearSnapshotColumns(periodEnd: $periodEnd, colors: $colors, knownOn: $knownOn) { usccs colors consecutiveRed stored corrections { row correctedOn originalColor originalConsecutiveRed } } }`;
const COLORS_BETWEEN = `query DueByColors($colors: [CreditColor!]!, $from: Date!, $to: Date!) { subjectColorsBetweenColumns(colors: $colors, from: $from, to: $to) { usccs colorBits } }`;
const STORED_PERIODS = `query StoredColorPeriods($usccs: [String!]!) { subjectColorPeriodsColumns(usccs: $usccs) { usccs colors froms untils } }`;

interface SnapshotColumns {
  usccs: string[];
  colors: string[];
  consecutiveRed: number[];
  stored: boolean[];
  corrections: { row: number; correctedOn: string; originalColor: string; originalConsecutiveRed: number }[];
}
const FOLLOW_DISTRICT = `mutation FollowRegistrationDistrict($uscc: String!, $district: String!, $source: String!) { followRegistrationDistrict(uscc: $uscc, districtCode: $district, source: $source) }`;
const FOLLOW_SUCCESSION_ENV = `mutation FollowSuccessionEnvironment($from: [String!]!, $to: [SuccessorInput!]!, $source: String!) { followSuccessionEvents(from: $from, to: $to, source: $source) }`;
const FOLLOW_SUCCESSION_CREDIT = `mutation FollowSuccessionCredit($from: [String!]!, $to: [String!]!, $source: String!) { followSuccessionListings(from: $from, to: $to, source: $source) }`;
const MARKET_LISTED = `query DueByMarketList($types: [MarketListType!]!, $from: Date!, $to: Date!, $knownOn: Date) { subjectsListedBetween(listTypes: $types, from: $from, to: $to, knownOn: $knownOn) }`;
const LISTING = 'listType authority documentNo listedOn removedOn recordedOn removalRecordedOn';
const MARKET_RECORD = `query SubjectRecord($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc name marketListingFacts { ${LISTING} } } } }`;
const CREDIT_RECORD = `query SubjectListings($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { uscc creditListingFacts { ${LISTING} } } } }`;
const COLORS_AMONG = `query SearchColors($usccs: [String!]!, $asOf: Date!) { subjectColorsAmong(usccs: $usccs, asOf: $asOf) }`;
const OF_COLORS = `query SearchByColor($colors: [CreditColor!]!, $asOf: Date!, $districtCode: String, $after: String, $first: Int!) {
  subjectsOfColors(colors: $colors, asOf: $asOf, districtCode: $districtCode, after: $after, first: $first) }`;
const COUNT_OF_COLORS = `query CountByColor($colors: [CreditColor!]!, $asOf: Date!, $districtCode: String) { countSubjectsOfColors(colors: $colors, asOf: $asOf, districtCode: $districtCode) }`;
const RATED_AMONG = `query SearchRated($usccs: [String!]!, $asOf: Date!) { subjectsRatedAmong(usccs: $usccs, asOf: $asOf) }`;
const COUNT_RATED_AMONG = `query CountRated($usccs: [String!]!, $asOf: Date!) { countSubjectsRatedAmong(usccs: $usccs, asOf: $asOf) }`;
const CREDIT_LISTED_AMONG = `query SearchCreditLists($usccs: [String!]!, $asOf: Date!) { subjectsListedAmong(usccs: $usccs, asOf: $asOf) }`;
const CREDIT_LISTED_ON = `query SearchCreditListed($asOf: Date!) { subjectsDesignatedOn(asOf: $asOf) }`;
const RATED_COUNT = `query SearchRatedCount($asOf: Date!, $usccPrefix: String) { subjectsRatedCount(asOf: $asOf, usccPrefix: $usccPrefix) }`;
const CATALOG = `query Catalogue($asOf: Date) { measureCatalog(asOf: $asOf) { code name nature triggerKind triggerValues implementingAgency legalBasis priceKind } }`;

/**
 * The departments FederatedSubjectFacts asks (finance is never asked): a department process needs
 * their addresses in HUB_SUBGRAPH_URLS, and is ready only when they answer.
 */
export const FACT_DEPARTMENTS: readonly Department[] = ['environment', 'market', 'credit'];

type RecordEntity = { name?: string; marketListingFacts?: ListingFact[] | null; creditListingFacts?: ListingFact[] | null } | null;

type Entity = { uscc: string; districtCode?: string; envColorTimeline?: { from: string }[] | null } | null;

const representations = (usccs: readonly string[]) => ({ r: usccs.map((uscc) => ({ __typename: 'Enterprise', uscc })) });

/**
 * Facts held by other departments, asked through federation as the hub: for the feedback roll-up,
 * the subjects due by colour (environment) and by market list (market), from @inaccessible queries.
 *
 * Row-scope facts asked through federation, the way the gateway would join them: the registration
 * district from market, "rated today" from environment's colour timeline (the same @inaccessible
 * field finance @requires). One `_entities` call per batch of codes, as the hub itself.
 *
 * Why not a market field with @requires: `Query.enterprise` is a root field, and a null answer for
 * an unrated subject must come from the root resolver, before any entity exists to require on.
 */
export class FederatedSubjectFacts implements SubjectFacts {
  constructor(private readonly execute: SubgraphExecutor) {}

  async districtsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, string>> {
    const data = await this.execute('market', DISTRICTS, representations(usccs), snapshot);
    const districts = new Map<string, string>();
    for (const entity of data._entities as Entity[]) if (entity?.districtCode) districts.set(entity.uscc, entity.districtCode);
    return districts;
  }

  async coloredBetween(colors: readonly string[], from: string, to: string, snapshot: ReadSnapshot, knownOn?: string): Promise<Set<string>> {
    const data = await this.execute('environment', COLORED, { colors, from, to, knownOn: knownOn ?? null }, snapshot);
    return new Set(data.subjectsColoredBetween as string[]);
  }

  async coloredBetweenEach(colorSets: readonly (readonly string[])[], from: string, to: string, snapshot: ReadSnapshot): Promise<Set<string>[]> {
    const colors = [...new Set(colorSets.flat())].sort();
    if (colors.length === 0) return colorSets.map(() => new Set<string>());
    const data = await this.execute('environment', COLORS_BETWEEN, { colors, from, to }, snapshot);
    const { usccs, colorBits } = data.subjectColorsBetweenColumns as { usccs: string[]; colorBits: number[] };
    // A set's subjects: those that had one of its colours, i.e. whose bits meet the set's.
    return colorSets.map((set) => {
      const wanted = set.reduce((bits, color) => bits | (1 << colors.indexOf(color)), 0);
      const subjects = new Set<string>();
      for (let i = 0; i < usccs.length; i++) if ((colorBits[i] & wanted) !== 0) subjects.add(usccs[i]);
      return subjects;
    });
  }

  async marketListedBetween(listTypes: readonly string[], from: string, to: string, snapshot: ReadSnapshot, knownOn?: string): Promise<Set<string>> {
    const data = await this.execute('market', MARKET_LISTED, { types: listTypes, from, to, knownOn: knownOn ?? null }, snapshot);
    return new Set(data.subjectsListedBetween as string[]);
  }

  async halfYearSnapshotsOn(periodEnd: string, colors: readonly string[], snapshot: ReadSnapshot, knownOn?: string): Promise<SubjectHalfYearSnapshotFact[]> {
    const data = await this.execute('environment', ON_SNAPSHOT, { periodEnd, colors, knownOn: knownOn ?? null }, snapshot);
    // Asked as columns (one list of scalars per field, not an object per subject): see SubjectHalfYearSnapshotColumns.
    const columns = data.subjectsOnHalfYearSnapshotColumns as SnapshotColumns;
    const facts: SubjectHalfYearSnapshotFact[] = columns.usccs.map((uscc, i) => ({
      uscc, color: columns.colors[i], consecutiveRed: columns.consecutiveRed[i], stored: columns.stored[i], correctedOn: null, originalColor: null, originalConsecutiveRed: null,
    }));
    for (const { row, correctedOn, originalColor, originalConsecutiveRed } of columns.corrections) Object.assign(facts[row], { correctedOn, originalColor, originalConsecutiveRed });
    return facts;
  }

  async followDistrict(uscc: string, districtCode: string, source: string, by?: HubContext): Promise<void> {
    // Its own transaction in environment, not the asking request's snapshot: it is a write.
    await this.execute('environment', FOLLOW_DISTRICT, { uscc, district: districtCode, source }, undefined, by);
  }

  async followSuccession(succession: SuccessionFact, by?: HubContext): Promise<void> {
    // Writes, each in the department's own transaction: one after the other, so that a refusal of
    // the first leaves the second untouched.
    await this.execute('environment', FOLLOW_SUCCESSION_ENV, { from: succession.from, to: succession.to, source: succession.source }, undefined, by);
    await this.execute('credit', FOLLOW_SUCCESSION_CREDIT, { from: succession.from, to: succession.to.map((t) => t.uscc), source: succession.source }, undefined, by);
  }

  async subjectRecordsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, SubjectRecord>> {
    const records = new Map<string, SubjectRecord>();
    if (usccs.length === 0) return records;
    const [market, credit] = await Promise.all([
      this.execute('market', MARKET_RECORD, representations(usccs), snapshot),
      this.execute('credit', CREDIT_RECORD, representations(usccs), snapshot),
    ]);
    // _entities answers in the order asked, null for a code the department does not hold.
    const registered = market._entities as (RecordEntity | null)[];
    const listed = credit._entities as (RecordEntity | null)[];
    usccs.forEach((uscc, i) => {
      records.set(uscc, {
        name: registered[i]?.name ?? null,
        listings: [...(listed[i]?.creditListingFacts ?? []), ...(registered[i]?.marketListingFacts ?? [])],
      });
    });
    return records;
  }

  async measureCatalogOn(asOf: string, snapshot: ReadSnapshot): Promise<CatalogueMeasure[]> {
    const data = await this.execute('credit', CATALOG, { asOf }, snapshot);
    return data.measureCatalog as CatalogueMeasure[];
  }

  async colorTimelinesOf(usccs: readonly string[], snapshot: ReadSnapshot, knownOn?: string): Promise<Map<string, ColorPeriodFact[]>> {
    const timelines = new Map<string, ColorPeriodFact[]>();
    if (usccs.length === 0) return timelines;
    const data = knownOn
      ? await this.execute('environment', TIMELINES_KNOWN_ON, { ...representations(usccs), knownOn }, snapshot)
      : await this.execute('environment', TIMELINES, representations(usccs), snapshot);
    for (const entity of data._entities as ({ uscc: string; envColorTimeline?: ColorPeriodFact[] | null } | null)[]) {
      if (entity?.envColorTimeline) timelines.set(entity.uscc, entity.envColorTimeline);
    }
    return timelines;
  }

  async halfYearSnapshotsKnownOn(usccs: readonly string[], knownOn: string, snapshot: ReadSnapshot): Promise<Map<string, HalfYearSnapshotFact[]>> {
    const snapshots = new Map<string, HalfYearSnapshotFact[]>();
    if (usccs.length === 0) return snapshots;
    const data = await this.execute('environment', SNAPSHOTS_KNOWN_ON, { ...representations(usccs), knownOn }, snapshot);
    for (const entity of data._entities as ({ uscc: string; envHalfYearSnapshotsKnownOn?: HalfYearSnapshotFact[] | null } | null)[]) {
      if (entity?.envHalfYearSnapshotsKnownOn) snapshots.set(entity.uscc, entity.envHalfYearSnapshotsKnownOn);
    }
    return snapshots;
  }

  async storedColorPeriodsOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Map<string, ColorPeriodFact[]>> {
    const timelines = new Map<string, ColorPeriodFact[]>();
    if (usccs.length === 0) return timelines;
    const data = await this.execute('environment', STORED_PERIODS, { usccs }, snapshot);
    const columns = data.subjectColorPeriodsColumns as { usccs: string[]; colors: string[]; froms: string[]; untils: (string | null)[] };
    columns.usccs.forEach((uscc, i) => {
      const period = { color: columns.colors[i], from: columns.froms[i], until: columns.untils[i] };
      const timeline = timelines.get(uscc);
      if (timeline) timeline.push(period);
      else timelines.set(uscc, [period]);
    });
    return timelines;
  }

  async colorsAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Map<string, string>> {
    if (usccs.length === 0) return new Map();
    const data = await this.execute('environment', COLORS_AMONG, { usccs, asOf }, snapshot);
    const colors = new Map<string, string>();
    (data.subjectColorsAmong as (string | null)[]).forEach((color, i) => color && colors.set(usccs[i], color));
    return colors;
  }

  async subjectsOfColors(colors: readonly string[], asOf: string, districtCode: string | null, after: string | null, first: number, snapshot: ReadSnapshot): Promise<string[]> {
    const data = await this.execute('environment', OF_COLORS, { colors, asOf, districtCode, after, first }, snapshot);
    return data.subjectsOfColors as string[];
  }

  async countOfColors(colors: readonly string[], asOf: string, districtCode: string | null, snapshot: ReadSnapshot): Promise<number> {
    const data = await this.execute('environment', COUNT_OF_COLORS, { colors, asOf, districtCode }, snapshot);
    return data.countSubjectsOfColors as number;
  }

  async ratedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Set<string>> {
    if (usccs.length === 0) return new Set();
    const data = await this.execute('environment', RATED_AMONG, { usccs, asOf }, snapshot);
    return new Set(data.subjectsRatedAmong as string[]);
  }

  async countRatedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<number> {
    if (usccs.length === 0) return 0;
    const data = await this.execute('environment', COUNT_RATED_AMONG, { usccs, asOf }, snapshot);
    return data.countSubjectsRatedAmong as number;
  }

  async creditListedAmong(usccs: readonly string[], asOf: string, snapshot: ReadSnapshot): Promise<Set<string>> {
    if (usccs.length === 0) return new Set();
    const data = await this.execute('credit', CREDIT_LISTED_AMONG, { usccs, asOf }, snapshot);
    return new Set(data.subjectsListedAmong as string[]);
  }

  async ratedCount(asOf: string, usccPrefix: string | null, snapshot: ReadSnapshot): Promise<number> {
    const data = await this.execute('environment', RATED_COUNT, { asOf, usccPrefix }, snapshot);
    return data.subjectsRatedCount as number;
  }

  async creditListedOn(asOf: string, snapshot: ReadSnapshot): Promise<string[]> {
    const data = await this.execute('credit', CREDIT_LISTED_ON, { asOf }, snapshot);
    return data.subjectsDesignatedOn as string[];
  }

  async ratedOf(usccs: readonly string[], snapshot: ReadSnapshot): Promise<Set<string>> {
    const data = await this.execute('environment', RATED, representations(usccs), snapshot);
    const day = today();
    const rated = new Set<string>();
    for (const entity of data._entities as Entity[]) {
      if (entity?.envColorTimeline?.some((period) => period.from <= day)) rated.add(entity.uscc);
    }
    return rated;
  }
}
