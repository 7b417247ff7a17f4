import type { Role } from '../../shared/auth/principal';
import { PUBLIC_PRINCIPAL, type Principal } from '../../shared/auth/principal';
import { today } from '../../shared/dates';
import { CITY_DISTRICTS } from '../../shared/divisions';
import { badInput } from '../../shared/errors';
import { halfYearNamed } from '../../shared/half-year';
import { usccProblem } from '../../shared/uscc';

/** Runs one GraphQL query through the gateway as `principal` and returns its data (errors thrown as HubErrors). */
export type QueryRunner = (principal: Principal, query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** What an export was asked for, checked by `checkParameters`. */
export interface ExportParameters {
  /** portfolio: the bank's codes (posted, `?codes=`, or `--codes <file>`). */
  codes?: string[];
  /** surcharges: the half-year, `2026-H2`. */
  period?: string;
}

/**
 * A view partners export as CSV: who may, its columns, and its rows, read page by page through the
 * same GraphQL operations a partner would send (so the file says exactly what the API says, under
 * the same permissions and row scope). `rows` yields one page at a time: the caller streams it out
 * before the next page is read.
 */
export interface ExportView {
  name: string;
  description: string;
  roles: readonly Role[];
  /** GraphQL coordinates read, for the audit record. */
  coordinates: string[];
  columns: string[];
  check(parameters: ExportParameters): void;
  rows(run: QueryRunner, principal: Principal, parameters: ExportParameters): AsyncGenerator<string[][]>;
}

/** Rows per page read from the gateway: within the list-items budget, large enough to amortise a request. */
export const EXPORT_PAGE = 500;
/** The most codes one portfolio export takes (a bank's whole book, as a webhook watch-list). */
export const MAX_PORTFOLIO_CODES = 100_000;
/** Codes per `enterprises(usccs:)` call (CONTRACT.md: at most 1000). */
const PORTFOLIO_BATCH = 500;

const SEARCH = `query ExportSearch($filter: EnterpriseFilter, $first: Int, $after: String) {
  searchEnterprises(filter: $filter, first: $first, after: $after) {
    edges { node { uscc name districtCode envCredit { color ratedOn } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PRICE_LIST = `query ExportPriceList($period: String!, $first: Int, $after: String) {
  priceSurcharges(period: $period, first: $first, after: $after) {
    edges { node { uscc enterprise { name districtCode } sewageFee { surchargePerCubicMetre basis } electricitySurcharge { surchargePerKwh basis } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface PriceListNode {
  uscc: string;
  enterprise: { name: string; districtCode: string } | null;
  sewageFee: { surchargePerCubicMetre: string; basis: string };
  electricitySurcharge: { surchargePerKwh: string; basis: string };
}
type PriceListPage = { priceSurcharges: { edges: { node: PriceListNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const PORTFOLIO = `query ExportPortfolio($usccs: [USCC!]!) {
  enterprises(usccs: $usccs) { uscc name districtCode envCredit { color ratedOn } creditRestriction { level restricted basis since } }
}`;

interface SearchNode {
  uscc: string;
  name: string;
  districtCode: string;
  envCredit?: { color: string; ratedOn: string } | null;
}
type SearchPage = { searchEnterprises: { edges: { node: SearchNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Every page of a search, as the caller pages it. */
async function* searchPages(run: QueryRunner, principal: Principal, query: string, variables: Record<string, unknown>): AsyncGenerator<SearchNode[]> {
  let after: string | null = null;
  for (;;) {
    const data = (await run(principal, query, { ...variables, first: EXPORT_PAGE, after })) as SearchPage;
    yield data.searchEnterprises.edges.map((edge) => edge.node);
    if (!data.searchEnterprises.pageInfo.hasNextPage) return;
    after = data.searchEnterprises.pageInfo.endCursor;
  }
}

const districtName = (code: string) => CITY_DISTRICTS[code] ?? '';

/** The public rating list: every subject rated today with its colour, as PUBLIC sees it (DOMAIN.md §7). */
const publicRatings: ExportView = {
  name: 'public-ratings',
  description: 'every rated subject with its colour today, as published (the same for every caller)',
  roles: ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'UTILITY', 'DASHBOARD', 'PUBLIC'],
  coordinates: ['Query.searchEnterprises', 'Enterprise.uscc', 'Enterprise.name', 'Enterprise.districtCode', 'Enterprise.envCredit'],
  columns: ['uscc', 'name', 'districtCode', 'districtName', 'color', 'ratedOn'],
  check: () => undefined,
  async *rows(run) {
    // Published data: read as PUBLIC whoever asks, so every caller's file is the published list.
    for await (const nodes of searchPages(run, PUBLIC_PRINCIPAL, SEARCH, { filter: null })) {
      yield nodes.map((n) => [n.uscc, n.name, n.districtCode, districtName(n.districtCode), n.envCredit?.color ?? '', n.envCredit?.ratedOn ?? '']);
    }
  },
};

/**
 * The surcharge list of a half-year: the price list (`priceSurcharges`), each subject with the
 * sewage-fee and electricity surcharges the deciding snapshot gives it, as `sewageFee` answers them.
 */
const surcharges: ExportView = {
  name: 'surcharges',
  description: 'subjects with a sewage-fee or electricity surcharge in a half-year (--period 2026-H2)',
  roles: ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'],
  coordinates: ['Query.priceSurcharges', 'Enterprise.name', 'Enterprise.districtCode', 'PriceSurchargeEntry.sewageFee', 'PriceSurchargeEntry.electricitySurcharge'],
  columns: ['period', 'uscc', 'name', 'districtCode', 'districtName', 'sewageSurchargePerCubicMetre', 'electricitySurchargePerKwh', 'basis'],
  check(parameters) {
    if (!parameters.period) throw badInput('period is required: the half-year as YYYY-H1 or YYYY-H2, e.g. 2026-H2', { argument: 'period' });
    const days = halfYearNamed(parameters.period);
    if (!days) throw badInput(`period "${parameters.period}" must be a half-year as YYYY-H1 or YYYY-H2, e.g. 2026-H2`, { argument: 'period' });
    if (days.snapshotDay >= today()) throw badInput(`period ${parameters.period} is not decided yet: its deciding day ${days.snapshotDay} has not passed`, { argument: 'period' });
  },
  async *rows(run, principal, parameters) {
    // The price list itself (priceSurcharges): the subjects it names, decided by the stored (or, while
    // not stored, derived) snapshot, exactly as sewageFee and the utility's jointMeasures answer.
    let after: string | null = null;
    for (;;) {
      const data = (await run(principal, PRICE_LIST, { period: parameters.period, first: EXPORT_PAGE, after })) as PriceListPage;
      yield data.priceSurcharges.edges.map(({ node: n }) => [
        parameters.period!,
        n.uscc,
        n.enterprise?.name ?? '',
        n.enterprise?.districtCode ?? '',
        districtName(n.enterprise?.districtCode ?? ''),
        n.sewageFee.surchargePerCubicMetre,
        n.electricitySurcharge.surchargePerKwh,
        n.sewageFee.basis || n.electricitySurcharge.basis,
      ]);
      if (!data.priceSurcharges.pageInfo.hasNextPage) return;
      after = data.priceSurcharges.pageInfo.endCursor;
    }
  },
};

interface PortfolioNode {
  uscc: string;
  name: string;
  districtCode: string;
  envCredit: { color: string; ratedOn: string } | null;
  creditRestriction: { level: string; restricted: boolean; basis: string[]; since: string | null } | null;
}

/**
 * A bank's portfolio status: for each code it sends, in its order, the colour and the credit
 * restriction with its basis; a code the hub does not know is a row marked `known: false`.
 */
const portfolio: ExportView = {
  name: 'portfolio',
  description: "a bank's borrowers: colour and credit restriction for each code sent (POST a codes file, ?codes=, or --codes <file>)",
  roles: ['ENV_ADMIN', 'CREDIT_OFFICE', 'BANK'],
  coordinates: ['Query.enterprises', 'Enterprise.uscc', 'Enterprise.name', 'Enterprise.districtCode', 'Enterprise.envCredit', 'Enterprise.creditRestriction'],
  columns: ['uscc', 'known', 'name', 'districtCode', 'color', 'ratedOn', 'restrictionLevel', 'restricted', 'basis', 'since'],
  check(parameters) {
    const codes = parameters.codes ?? [];
    if (codes.length === 0) throw badInput('codes are required: send the portfolio as one USCC per line (a header line "uscc" is allowed)', { argument: 'codes' });
    if (codes.length > MAX_PORTFOLIO_CODES) throw badInput(`a portfolio may hold at most ${MAX_PORTFOLIO_CODES} codes, got ${codes.length}`, { argument: 'codes' });
    codes.forEach((code, index) => {
      const problem = usccProblem(code);
      if (problem) throw badInput(`code number ${index + 1} of the portfolio: invalid USCC "${code}": ${problem}`, { argument: 'codes', position: index + 1 });
    });
  },
  async *rows(run, principal, parameters) {
    const codes = parameters.codes!;
    for (let start = 0; start < codes.length; start += PORTFOLIO_BATCH) {
      const batch = codes.slice(start, start + PORTFOLIO_BATCH);
      const data = (await run(principal, PORTFOLIO, { usccs: batch })) as { enterprises: (PortfolioNode | null)[] };
      yield data.enterprises.map((n, i) =>
        n
          ? [n.uscc, 'true', n.name, n.districtCode, n.envCredit?.color ?? '', n.envCredit?.ratedOn ?? '', n.creditRestriction?.level ?? '', String(n.creditRestriction?.restricted ?? ''), (n.creditRestriction?.basis ?? []).join('; '), n.creditRestriction?.since ?? '']
          : [batch[i], 'false', '', '', '', '', '', '', '', ''],
      );
    }
  },
};

export const EXPORT_VIEWS: Readonly<Record<string, ExportView>> = { 'public-ratings': publicRatings, surcharges, portfolio };

/** A portfolio codes file: one code per line or the first column of a CSV, a header "uscc" allowed; blank lines and `#` comments skipped. */
export function parseCodes(text: string): string[] {
  const codes: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const code = line.split(',')[0].trim().replace(/^"|"$/g, '').toUpperCase();
    if (!code || code.startsWith('#') || (codes.length === 0 && code === 'USCC')) continue;
    codes.push(code);
  }
  return codes;
}
