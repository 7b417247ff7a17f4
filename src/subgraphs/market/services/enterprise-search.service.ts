import type { DataSource } from 'typeorm';
import { rolesFor, type FieldCoordinate } from '../../../shared/auth/permission-table';
import { rowScope } from '../../../shared/auth/scope';
import { facts } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import type { CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { districtProblem } from '../../../shared/divisions';
import { badInput, forbidden } from '../../../shared/errors';
import { decodeCursor, encodeCursor, fingerprint, pageOf, pageSize } from '../../../shared/paging/cursor';
import { readManager } from '../../../shared/read-snapshot';
import { USCC_ALPHABET } from '../../../shared/uscc';
import { toEnterprise } from './registration.service';
import type { RegistrationEntity } from '../entities/registration.entity';
import type { MarketEnterprise } from '../types/enterprise.type';
import type { EnterpriseConnection, EnterpriseFilter } from '../types/enterprise-search.type';

/** Default page size of searchEnterprises (CONTRACT.md `first: Int = 50`). */
export const DEFAULT_SEARCH_PAGE = 50;
/** The most subjects one findEnterprises answers (its `first`), counted after row scope: page with searchEnterprises for more. */
export const MAX_FIND = 100;
const CONNECTION = 'searchEnterprises';
/** Candidates read per round when other departments' facts filter them: the fewest, and the most. */
const FIRST_ROUND = 64;
const LARGEST_ROUND = 20_000;
const USCC_PREFIX = new RegExp(`^[${USCC_ALPHABET}]{1,18}$`);

/** A filter criterion a role may use only when it may read the field it reveals (filtering by a hidden field would disclose it). */
const CRITERION_FIELDS: Partial<Record<keyof EnterpriseFilter, FieldCoordinate[]>> = {
  industryCode: ['Enterprise.industryCode'],
  listed: ['Enterprise.marketListings', 'Enterprise.creditListings'],
};
/** What PUBLIC may search by (CONTRACT.md: rated subjects only, by name or code). */
const PUBLIC_CRITERIA: ReadonlySet<string> = new Set(['nameContains', 'usccPrefix']);

/** The filter as the search applies it: checked, trimmed, with its date. */
interface Criteria {
  nameContains: string | null;
  /** findEnterprises' text: a name containing it, or a code starting with it. */
  nameOrCode: string | null;
  usccPrefix: string | null;
  districtCode: string | null;
  industryCode: string | null;
  colors: CreditColor[] | null;
  listed: boolean | null;
  asOf: IsoDate;
}

/**
 * The criteria with the facts of other departments that market applies in SQL: for `listed`, the
 * credit office's designations in force on the date, asked once per request (a small set: see
 * CreditListingService.listedOn), so that list membership is one indexed condition, counted in SQL.
 */
interface Search extends Criteria {
  creditListed: string[] | null;
}

type Row = RegistrationEntity;

/** `%`, `_` and `\` in a LIKE pattern match themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * searchEnterprises: subjects by name, code prefix, district, industry, colour on a date and list
 * membership, in the caller's row scope, paged by code (keyset: `uscc > after`, a stable order that
 * the PRIMARY KEY and the (district|industry, uscc) indexes serve without sorting).
 *
 * The search lives here because most of its facts do (the registry is the population; name,
 * district, industry and market lists are market's). The others are asked through hub-internal
 * federation, never by reading another department's tables. The credit office's designations on the
 * date (a small set) are asked once and applied in SQL with market's lists, so `listed` is one
 * indexed condition like market's own criteria. The colour on a date (and "rated", PUBLIC's scope)
 * from environment are asked for exactly the candidates of a page: candidates are read in rounds
 * sized by the pass rate seen so far (64 to 20,000 codes) until the page is full, so a page costs
 * about what it holds for common criteria and a few rounds for rare ones; a page never holds the
 * population. `totalCount` is counted only when asked for: in SQL when every criterion is applied
 * there, else by passing the candidates' codes over in the largest rounds.
 *
 * Names are matched by substring through a bigram index (see `nameContains` and
 * NameBigramIndex1796130100000), which works for 2-character Chinese words under any server locale.
 */
export class EnterpriseSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(ctx: HubContext, filter: EnterpriseFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<EnterpriseConnection> {
    const size = pageSize(first, DEFAULT_SEARCH_PAGE);
    const criteria = this.criteria(ctx, filter ?? {});
    // The date as given, not as defaulted: a list paged across midnight keeps its cursors valid.
    const issuedFor = fingerprint({ ...criteria, asOf: filter?.colorAsOf ?? null });
    const start = decodeCursor(after, CONNECTION, issuedFor, ([uscc, ...rest]) => (rest.length === 0 && typeof uscc === 'string' && USCC_PREFIX.test(uscc) ? uscc : null));
    const search = await this.withListedFacts(ctx, criteria);
    const rows = size === 0 ? [] : await this.matches(ctx, search, start, size + 1);
    const page = pageOf(rows, size, (row) => encodeCursor(CONNECTION, issuedFor, [row.uscc]), toEnterprise);
    for (const edge of page.edges) ctx.touchedUsccs.add(edge.node.uscc);
    return { ...page, totalCount: 0, countMatches: () => this.count(ctx, search) };
  }

  /**
   * findEnterprises: the first `first` (1 to MAX_FIND) subjects by code whose name contains `text`
   * (any letter case) or whose code starts with it, among those the caller may see (PUBLIC: rated
   * today; ENV_OFFICER: its district). The limit applies after row scope, so every visible match is
   * found, however many registrations outside the scope share the words; more than MAX_FIND are
   * paged with searchEnterprises. LIKE wildcards in `text` match themselves.
   */
  async find(ctx: HubContext, text: string, first: number): Promise<MarketEnterprise[]> {
    const wanted = text.trim();
    if ([...wanted].length < 2 || [...wanted].length > 50) throw badInput(`text must be 2 to 50 characters, got ${[...wanted].length}`, { argument: 'text' });
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIND) throw badInput(`first must be an integer from 1 to ${MAX_FIND}, got ${first}`, { argument: 'first' });
    const search: Search = {
      nameContains: null,
      nameOrCode: wanted,
      usccPrefix: null,
      districtCode: null,
      industryCode: null,
      colors: null,
      listed: null,
      asOf: today(),
      creditListed: null,
    };
    const rows = await this.matches(ctx, search, null, first);
    for (const row of rows) ctx.touchedUsccs.add(row.uscc);
    return rows.map(toEnterprise);
  }

  /** Checks the filter against the caller's rights and the formats; an error names the criterion. */
  private criteria(ctx: HubContext, filter: EnterpriseFilter): Criteria {
    const role = ctx.principal.role;
    for (const [name, value] of Object.entries(filter)) {
      if (value === null || value === undefined) continue;
      if (role === 'PUBLIC' && !PUBLIC_CRITERIA.has(name) && name !== 'colorAsOf') {
        throw forbidden(`filter.${name}: PUBLIC may search rated subjects by nameContains and usccPrefix only`);
      }
      for (const coordinate of CRITERION_FIELDS[name as keyof EnterpriseFilter] ?? []) {
        if (!rolesFor(coordinate).includes(role)) throw forbidden(`filter.${name}: role ${role} may not read ${coordinate}, so it may not search by it`);
      }
    }
    const nameContains = filter.nameContains?.trim() || null;
    if (filter.nameContains != null && (nameContains === null || [...nameContains].length < 2)) {
      throw badInput(`filter.nameContains "${filter.nameContains}" must have at least 2 characters`, { argument: 'filter.nameContains' });
    }
    const usccPrefix = filter.usccPrefix?.trim().toUpperCase() || null;
    if (filter.usccPrefix != null && (usccPrefix === null || !USCC_PREFIX.test(usccPrefix))) {
      throw badInput(`filter.usccPrefix "${filter.usccPrefix}" must be 1 to 18 characters of the USCC alphabet ${USCC_ALPHABET}`, { argument: 'filter.usccPrefix' });
    }
    const districtCode = filter.districtCode ?? null;
    const problem = districtCode === null ? null : districtProblem(districtCode);
    if (problem) throw badInput(`filter.districtCode ${problem}`, { argument: 'filter.districtCode' });
    const colorList = [...(filter.colors ?? []), ...(filter.color ? [filter.color] : [])];
    const asOf = filter.colorAsOf ?? today();
    if (asOf > today()) throw badInput(`filter.colorAsOf ${asOf} is in the future`, { argument: 'filter.colorAsOf' });
    return {
      nameContains,
      nameOrCode: null,
      usccPrefix,
      districtCode,
      industryCode: filter.industryCode?.trim() || null,
      colors: colorList.length > 0 ? [...new Set(colorList)].sort() : null,
      listed: filter.listed ?? null,
      asOf,
    };
  }

  /** The credit office's designations when `listed` is asked (one fetch per request); see `Search`. */
  private async withListedFacts(ctx: HubContext, criteria: Criteria): Promise<Search> {
    const creditListed = criteria.listed === null ? null : await facts(ctx).creditListedOn(criteria.asOf, ctx.snapshot);
    return { ...criteria, creditListed };
  }

  /** Whether a candidate must also pass other departments' facts a page at a time (colour, rated). */
  private needsOthers(ctx: HubContext, criteria: Criteria): boolean {
    return criteria.colors !== null || rowScope(ctx.principal).kind === 'rated';
  }

  /**
   * Up to `limit` matching registrations after `start`, by code. With other departments' criteria,
   * each round reads as many candidates as the pass rate seen so far says the rest of the page needs
   * (plus a quarter), at least FIRST_ROUND and at most LARGEST_ROUND: a common criterion fills a page
   * in one or two rounds, a rare one in a few large ones.
   */
  private async matches(ctx: HubContext, criteria: Search, start: string | null, limit: number): Promise<Row[]> {
    if (!this.needsOthers(ctx, criteria)) return this.candidates(ctx, criteria, start, limit);
    const byColor = this.colorLed(ctx, criteria);
    if (byColor) return this.colorMatches(ctx, criteria, byColor, start, limit);
    const found: Row[] = [];
    let from = start;
    let scanned = 0;
    let wanted = 0;
    while (found.length < limit) {
      wanted = nextRound(limit - found.length, found.length, scanned, wanted);
      const candidates = await this.candidates(ctx, criteria, from, wanted);
      found.push(...(await this.passOthers(ctx, criteria, candidates)));
      scanned += candidates.length;
      if (candidates.length < wanted) break;
      from = candidates[candidates.length - 1].uscc;
    }
    return found.slice(0, limit);
  }

  /**
   * totalCount: one COUNT when every criterion is applied in SQL (market's own, and `listed`);
   * else the candidates' codes (codes only, no rows) pass the other departments' facts in the
   * largest rounds.
   */
  private async count(ctx: HubContext, criteria: Search): Promise<number> {
    if (this.countedByEnvironment(ctx, criteria)) return facts(ctx).ratedCount(today(), criteria.usccPrefix, ctx.snapshot);
    const byColor = this.colorLed(ctx, criteria);
    if (byColor) return this.colorCount(ctx, criteria, byColor);
    if (!this.needsOthers(ctx, criteria)) {
      const { where, params } = this.where(ctx, criteria, null);
      const manager = await readManager(ctx, this.dataSource);
      const [{ count }] = await manager.query<{ count: string }[]>(`SELECT COUNT(*) AS count FROM market.registration r WHERE ${where}`, params);
      return Number(count);
    }
    // Here the criteria are market's and the rated-only scope (a colour leads otherwise): environment
    // counts the rated among each round's codes, without sending them back.
    let total = 0;
    for (let from: string | null = null; ; ) {
      const candidates = await this.candidateCodes(ctx, criteria, from, LARGEST_ROUND);
      total += criteria.colors === null ? await facts(ctx).countRatedAmong(candidates.map((row) => row.uscc), today(), ctx.snapshot) : (await this.passOthers(ctx, criteria, candidates)).length;
      if (candidates.length < LARGEST_ROUND) return total;
      from = candidates[candidates.length - 1].uscc;
    }
  }

  /**
   * Whether the count is environment's alone: PUBLIC (rated subjects only) searching by code prefix
   * or by nothing. Every rated subject is registered, so the rated subjects with the prefix are the
   * matches, counted without passing the registry's codes to environment (95,000 at province scale).
   */
  private countedByEnvironment(ctx: HubContext, criteria: Search): boolean {
    const besidesCode = [criteria.nameContains, criteria.nameOrCode, criteria.districtCode, criteria.industryCode, criteria.colors, criteria.listed];
    return rowScope(ctx.principal).kind === 'rated' && besidesCode.every((value) => value === null);
  }

  /**
   * A colour-filtered search is led by environment's colour source (issue 21): environment lists the
   * subjects of the colours on the day in code order (of one district, when the filter or the
   * caller's scope names one) and counts them from its maintained counts, and market keeps those that
   * match its own criteria, so neither a page nor `totalCount` passes over the registry. Exact because
   * every rated subject is registered and its district in environment follows the registration's
   * (SubjectDistrictService). Not for PUBLIC (rated-only scope): it keeps the candidate rounds. `listed`
   * is applied by market in SQL (credit's designations fetched once per request). Returns the district to ask for (null: all),
   * 'none' when the filter's district and the caller's differ, or null when the colour does not lead.
   */
  private colorLed(ctx: HubContext, criteria: Search): { district: string | null } | 'none' | null {
    const scope = rowScope(ctx.principal);
    if (criteria.colors === null || scope.kind === 'rated') return null;
    const scoped = scope.kind === 'district' ? scope.district : null;
    if (scoped !== null && criteria.districtCode !== null && scoped !== criteria.districtCode) return 'none';
    return { district: criteria.districtCode ?? scoped };
  }

  /** `matches` led by colour: rounds over environment's subjects of the colours, each kept by market's criteria in one statement. */
  private async colorMatches(ctx: HubContext, criteria: Search, byColor: { district: string | null } | 'none', start: string | null, limit: number): Promise<Row[]> {
    if (byColor === 'none') return [];
    const found: Row[] = [];
    let from = start;
    let listed = 0;
    let wanted = 0;
    while (found.length < limit) {
      wanted = nextRound(limit - found.length, found.length, listed, wanted);
      const usccs = await facts(ctx).subjectsOfColors(criteria.colors!, criteria.asOf, byColor.district, from, wanted, ctx.snapshot);
      if (usccs.length > 0) found.push(...(await this.candidates(ctx, criteria, from, limit - found.length, usccs)));
      listed += usccs.length;
      if (usccs.length < wanted) break;
      from = usccs[usccs.length - 1];
    }
    return found.slice(0, limit);
  }

  /**
   * `totalCount` led by colour: environment's count when market has no criterion beyond the district;
   * else environment's subjects of the colours in the largest rounds, each counted by market in one statement.
   */
  private async colorCount(ctx: HubContext, criteria: Search, byColor: { district: string | null } | 'none'): Promise<number> {
    if (byColor === 'none') return 0;
    if (criteria.nameContains === null && criteria.nameOrCode === null && criteria.usccPrefix === null && criteria.industryCode === null && criteria.listed === null) {
      return facts(ctx).countOfColors(criteria.colors!, criteria.asOf, byColor.district, ctx.snapshot);
    }
    const manager = await readManager(ctx, this.dataSource);
    let total = 0;
    for (let from: string | null = null; ; ) {
      const usccs = await facts(ctx).subjectsOfColors(criteria.colors!, criteria.asOf, byColor.district, from, LARGEST_ROUND, ctx.snapshot);
      if (usccs.length > 0) {
        const { where, params } = this.where(ctx, criteria, null, usccs);
        const [{ count }] = await manager.query<{ count: string }[]>(`SELECT COUNT(*) AS count FROM market.registration r WHERE ${where}`, params);
        total += Number(count);
      }
      if (usccs.length < LARGEST_ROUND) return total;
      from = usccs[usccs.length - 1];
    }
  }

  /** Keeps the candidates that other departments' facts admit, in their order. */
  private async passOthers<C extends { uscc: string }>(ctx: HubContext, criteria: Criteria, candidates: C[]): Promise<C[]> {
    if (candidates.length === 0) return [];
    const usccs = candidates.map((row) => row.uscc);
    // PUBLIC sees subjects rated today, whatever date a colour is asked for.
    const ratedOnly = rowScope(ctx.principal).kind === 'rated';
    const [colors, rated] = await Promise.all([
      criteria.colors ? facts(ctx).colorsAmong(usccs, criteria.asOf, ctx.snapshot) : null,
      ratedOnly ? facts(ctx).ratedAmong(usccs, today(), ctx.snapshot) : null,
    ]);
    return candidates.filter((row) => {
      if (rated && !rated.has(row.uscc)) return false;
      if (criteria.colors && !criteria.colors.includes(colors!.get(row.uscc) as CreditColor)) return false;
      return true;
    });
  }

  /** The codes of the registrations matching the criteria applied in SQL after `start`, by code: one statement (for counting). */
  private async candidateCodes(ctx: HubContext, criteria: Search, start: string | null, limit: number): Promise<{ uscc: string }[]> {
    const { where, params } = this.where(ctx, criteria, start);
    params.push(limit);
    const manager = await readManager(ctx, this.dataSource);
    return manager.query(`SELECT r.uscc FROM market.registration r WHERE ${where} ORDER BY r.uscc LIMIT $${params.length}`, params);
  }

  /** Registrations matching the criteria applied in SQL after `start` (among `among` when given), by code: one statement. */
  private async candidates(ctx: HubContext, criteria: Search, start: string | null, limit: number, among: readonly string[] | null = null): Promise<Row[]> {
    const { where, params } = this.where(ctx, criteria, start, among);
    params.push(limit);
    const manager = await readManager(ctx, this.dataSource);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT r.uscc, r.name, r.district_code, r.industry_code, r.enterprise_type, r.legal_representative, r.legal_representative_id_number,
              r.registered_capital, r.registered_on, r.address, r.status
         FROM market.registration r
        WHERE ${where}
        ORDER BY r.uscc
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      uscc: row.uscc,
      name: row.name,
      districtCode: row.district_code,
      industryCode: row.industry_code,
      enterpriseType: row.enterprise_type,
      legalRepresentative: row.legal_representative,
      legalRepresentativeIdNumber: row.legal_representative_id_number,
      registeredCapital: row.registered_capital,
      registeredOn: row.registered_on,
      address: row.address,
      status: row.status,
    }) as Row);
  }

  /** The WHERE clause of the criteria applied in SQL (market's own, and `listed`), the caller's district, and codes among `among` when given. */
  private where(ctx: HubContext, criteria: Search, start: string | null, among: readonly string[] | null = null): { where: string; params: unknown[] } {
    const conditions: string[] = ['TRUE'];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const scope = rowScope(ctx.principal);
    if (scope.kind === 'district') conditions.push(`r.district_code = ${param(scope.district)}`);
    if (start !== null) conditions.push(`r.uscc > ${param(start)}`);
    if (criteria.usccPrefix) conditions.push(codeStartsWith(param, criteria.usccPrefix));
    if (criteria.nameContains) conditions.push(nameContains(param, criteria.nameContains));
    if (criteria.nameOrCode) {
      const code = criteria.nameOrCode.toUpperCase();
      conditions.push(USCC_PREFIX.test(code) ? `(${nameContains(param, criteria.nameOrCode)} OR ${codeStartsWith(param, code)})` : nameContains(param, criteria.nameOrCode));
    }
    if (criteria.districtCode) conditions.push(`r.district_code = ${param(criteria.districtCode)}`);
    if (criteria.industryCode) conditions.push(`r.industry_code = ${param(criteria.industryCode)}`);
    if (criteria.listed !== null) conditions.push(listedOn(param, criteria.asOf, criteria.creditListed ?? [], criteria.listed));
    if (among) conditions.push(`r.uscc = ANY(${param(among)}::varchar[])`);
    return { where: conditions.join(' AND '), params };
  }
}

/**
 * How many candidates the next round reads: as many as the pass rate seen so far says the `missing`
 * rest of the page needs (plus a quarter), at least FIRST_ROUND and at most LARGEST_ROUND; while no
 * candidate has passed, at least four times the previous round, so that criteria nothing matches (an
 * industry with none of a colour) cost a few rounds, not the candidates divided by a small page.
 */
function nextRound(missing: number, found: number, scanned: number, previous: number): number {
  const passRate = scanned === 0 ? 1 : Math.max(found / scanned, 0.01);
  const estimate = Math.ceil((missing / passRate) * 1.25);
  return Math.min(LARGEST_ROUND, Math.max(FIRST_ROUND, estimate, found === 0 ? previous * 4 : 0));
}

/** Adds a bound parameter and names it ($n). */
export type Param = (value: unknown) => string;

/**
 * A name containing `text`, any letter case (ILIKE), served by the bigram index of
 * NameBigramIndex1796130100000: a name containing `text` holds all of its 2-character substrings,
 * so the index narrows to the names holding them and ILIKE decides. `text` has at least 2 characters.
 */
export function nameContains(param: Param, text: string): string {
  return `(market.name_bigrams(r.name) @> market.name_bigrams(${param(text)}::text) AND r.name ILIKE ${param(`%${likeLiteral(text)}%`)})`;
}

/** A code starting with `prefix` (USCC alphabet only: no wildcard), served by the pattern-ops index under any collation. */
export function codeStartsWith(param: Param, prefix: string): string {
  return `r.uscc LIKE ${param(`${prefix}%`)}`;
}

/**
 * On a market supervision list or a credit office designation on `asOf` (`listed`), or on none.
 * Market's entries in force are read once (an uncorrelated IN, hashed), not per registration.
 */
function listedOn(param: Param, asOf: IsoDate, creditListed: readonly string[], listed: boolean): string {
  const day = param(asOf);
  const marketListed = `r.uscc IN (SELECT l.uscc FROM market.list_entry l WHERE l.listed_on <= ${day}::date AND (l.removed_on IS NULL OR l.removed_on > ${day}::date))`;
  const condition = `(${marketListed} OR r.uscc = ANY(${param(creditListed)}::varchar[]))`;
  return listed ? condition : `NOT ${condition}`;
}
