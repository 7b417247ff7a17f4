import type { DataSource } from 'typeorm';
import type { HubContext } from '../../shared/context';
import type { Department } from '../../shared/database';
import { HubError } from '../../shared/errors';
import { CreditEventService } from '../../subgraphs/environment/services/credit-event.service';
import { PolicyService } from '../../subgraphs/environment/services/policy.service';
import { RatingService } from '../../subgraphs/environment/services/rating.service';
import { RegistrationService } from '../../subgraphs/market/services/registration.service';
import { MarketListingService } from '../../subgraphs/market/services/market-listing.service';
import { CreditListType, MarketListType } from '../../shared/list-types';
import { FeedbackOutcome } from '../../subgraphs/credit/types/measure-feedback.type';
import { CreditListingService } from '../../subgraphs/credit/services/credit-listing.service';
import { PublicRecordService } from '../../subgraphs/credit/services/public-record.service';
import { MeasureCatalogService } from '../../subgraphs/credit/services/measure-catalog.service';
import { MeasureFeedbackService } from '../../subgraphs/credit/services/measure-feedback.service';
import { MeasureDueService } from '../../subgraphs/credit/services/measure-due.service';
import { today } from '../../shared/dates';
import type { Principal } from '../../shared/auth/principal';
import { basename } from 'node:path';
import { CreditColor } from '../../shared/credit-color';
import { LegacyRatingService } from '../../subgraphs/environment/services/legacy-rating.service';
import { feedDate, feedUscc, optional, required, RowRejected } from './feed-values';

export type RowOutcome = 'imported' | 'unchanged';

export interface FeedContext {
  ctx: HubContext;
  sources: Record<Department, DataSource>;
  /** Codes accepted despite a failing check character (explicit, audited override list). */
  overrides: ReadonlySet<string>;
  // Function-typed properties, not methods: handlers destructure them off the context.
  onOverride: (uscc: string, line: number) => void;
  /** The file being imported (legacy ratings cite it as their source by default). */
  path: string;
  /** A remark on an applied row (e.g. stored but not scored), printed for the operator. */
  note: (line: number, message: string) => void;
}

/** How one feed is applied: its required header columns and what one row does. */
export interface FeedDefinition {
  description: string;
  requiredColumns: string[];
  /** Who the import acts as; default the bureau's import principal. */
  principal?: Principal;
  /** Builds the row handler once per import (services over the department's DataSource). */
  handler(context: FeedContext): (values: Record<string, string>, line: number) => Promise<RowOutcome>;
}

/** Service errors (BAD_USER_INPUT etc.) become row rejections with the service's message. */
async function asRow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError) throw new RowRejected(error.message);
    throw error;
  }
}

/** 双公示 penalty categories (CF_CFLB) → event types of the catalogue, most severe first. */
const PENALTY_CATEGORIES: [RegExp, string][] = [
  [/刑事/, 'CRIMINAL_LIABILITY'],
  [/行政拘留/, 'ADMIN_DETENTION_TRANSFER'],
  [/按日连续/, 'DAILY_CONTINUOUS_PENALTY'],
  [/停产|停业/, 'SUSPENSION_ORDER'],
  [/强制执行/, 'COURT_ENFORCEMENT'],
  [/查封|扣押/, 'SEIZURE'],
  [/限制生产|限产/, 'PRODUCTION_LIMIT'],
  [/罚款/, 'FINE'],
  [/责令改正/, 'ORDER_TO_CORRECT'],
  [/警告/, 'WARNING'],
];

function oneOf<T extends string>(values: Record<string, string>, column: string, allowed: T[]): T {
  const value = required(values, column).toUpperCase();
  if (!(allowed as string[]).includes(value)) throw new RowRejected(`${column} "${value}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Court feeds write performance in Chinese (全部未履行 / 部分未履行) or as the code. */
function debtorPerformance(raw: string): string {
  if (raw === 'UNPERFORMED' || raw.includes('全部未履行')) return 'UNPERFORMED';
  if (raw === 'PARTIALLY_PERFORMED' || raw.includes('部分')) return 'PARTIALLY_PERFORMED';
  throw new RowRejected(`performance "${raw}" must be UNPERFORMED (全部未履行) or PARTIALLY_PERFORMED (部分未履行)`);
}

const GRADES: Record<string, CreditColor> = { 绿: CreditColor.GREEN, 蓝: CreditColor.BLUE, 黄: CreditColor.YELLOW, 红: CreditColor.RED, 黑: CreditColor.BLACK };

/** A historical grade as written in old registers: the colour's code, or its Chinese name (绿色, 蓝…). */
function legacyGrade(raw: string): CreditColor {
  const upper = raw.toUpperCase();
  if ((Object.values(CreditColor) as string[]).includes(upper)) return upper as CreditColor;
  const grade = GRADES[raw.charAt(0)];
  if (!grade) throw new RowRejected(`color "${raw}" must be GREEN, BLUE, YELLOW, RED or BLACK (or 绿/蓝/黄/红/黑)`);
  return grade;
}

const LIST_COLUMNS = ['uscc', 'list_type', 'reason', 'authority', 'listed_on'];

/** What a list feed needs of the department that keeps the list. */
interface ListKeeper<T extends string> {
  entriesOf(uscc: string): Promise<{ id: string; listType: string; listedOn: string; removedOn: string | null }[]>;
  add(
    entry: { uscc: string; listType: T; reason: string; authority: string; documentNo: string | null; listedOn: string },
    values: Record<string, string>,
  ): Promise<{ id: string; removedOn: string | null }>;
  remove(removal: { id: string; removedOn: string; removalReason: string }): Promise<unknown>;
}

/**
 * A list-entry row: the entry (subject, list, listing date) is added once; a later file carrying its
 * removal date ends it. Re-importing the same file changes nothing.
 */
function listEntryHandler<T extends string>({ overrides, onOverride }: FeedContext, listTypes: T[], keeper: ListKeeper<T>) {
  return async (values: Record<string, string>, line: number): Promise<RowOutcome> => {
    const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
    const listType = oneOf(values, 'list_type', listTypes);
    const listedOn = feedDate(values, 'listed_on')!;
    const removedOn = feedDate(values, 'removed_on', true);
    const existing = (await keeper.entriesOf(uscc)).find((entry) => entry.listType === listType && entry.listedOn === listedOn);
    const entry =
      existing ??
      (await asRow(() =>
        keeper.add({ uscc, listType, reason: required(values, 'reason'), authority: required(values, 'authority'), documentNo: optional(values, 'document_no'), listedOn }, values),
      ));
    const removing = removedOn !== null && entry.removedOn === null;
    if (removing) await asRow(() => keeper.remove({ id: entry.id, removedOn, removalReason: required(values, 'removal_reason') }));
    if (overridden) onOverride(uscc, line);
    return existing && !removing ? 'unchanged' : 'imported';
  };
}

export function eventTypeForPenalty(category: string): string | null {
  for (const [pattern, type] of PENALTY_CATEGORIES) if (pattern.test(category)) return type;
  return null;
}

export const FEEDS: Record<string, FeedDefinition> = {
  registrations: {
    description: 'market registrations: uscc, name, district_code, [industry_code, legal_representative, legal_representative_id_number, registered_on, status]',
    requiredColumns: ['uscc', 'name', 'district_code'],
    handler({ ctx, sources, overrides, onOverride }) {
      const registrations = new RegistrationService(sources.market);
      return async (values, line) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
        const input = {
          uscc,
          name: required(values, 'name'),
          districtCode: required(values, 'district_code'),
          industryCode: optional(values, 'industry_code'),
          legalRepresentative: optional(values, 'legal_representative'),
          legalRepresentativeIdNumber: optional(values, 'legal_representative_id_number'),
          registeredOn: feedDate(values, 'registered_on', true),
          registrationStatus: optional(values, 'status'),
        };
        const existing = await registrations.find(ctx, uscc);
        if (
          existing &&
          existing.name === input.name &&
          existing.districtCode === input.districtCode &&
          (input.industryCode === null || existing.industryCode === input.industryCode) &&
          (input.legalRepresentative === null || existing.legalRepresentative === input.legalRepresentative) &&
          (input.registrationStatus === null || existing.registrationStatus === input.registrationStatus)
        ) {
          return 'unchanged';
        }
        await asRow(() => registrations.register(ctx, input));
        if (overridden) onOverride(uscc, line);
        return 'imported';
      };
    },
  },
  penalties: {
    description: '双公示 administrative penalties (DOMAIN.md §9): stored as public credit records and, for rated subjects, scored',
    requiredColumns: ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'],
    handler({ ctx, sources, overrides, onOverride, note }) {
      const publicRecords = new PublicRecordService(sources.credit);
      const policies = new PolicyService(sources.environment);
      const ratings = new RatingService(sources.environment, policies);
      const events = new CreditEventService(sources.environment, policies, ratings);
      return async (values, line) => {
        const { uscc, overridden } = feedUscc(values, 'CF_XDR_SHXYM', overrides);
        const fine = optional(values, 'CF_NR_FK');
        if (fine !== null && !/^\d+(\.\d{1,6})?$/.test(fine)) throw new RowRejected(`CF_NR_FK "${fine}" is not an amount in 10,000 CNY`);
        const record = {
          subjectName: required(values, 'CF_XDR_MC'),
          uscc,
          legalRepresentative: optional(values, 'CF_FDDB'),
          decisionNo: required(values, 'CF_WSH'),
          violationType: required(values, 'CF_WFXW'),
          facts: required(values, 'CF_SY'),
          legalBasis: required(values, 'CF_YJ'),
          penaltyCategory: required(values, 'CF_CFLB'),
          content: required(values, 'CF_NR'),
          fineAmount: fine,
          decidedOn: feedDate(values, 'CF_JDRQ')!,
          validUntil: feedDate(values, 'CF_YXQ')!,
          publicityEndsOn: feedDate(values, 'CF_GSJZQ', true),
          authority: required(values, 'CF_CFJG'),
          authorityUscc: feedUscc(values, 'CF_CFJGDM', overrides).uscc,
          dataSource: required(values, 'CF_SJLY'),
          dataSourceUscc: feedUscc(values, 'CF_SJLYDM', overrides).uscc,
          remarks: optional(values, 'BZ'),
        };
        const type = eventTypeForPenalty(record.penaltyCategory);
        if (type && record.decidedOn > today()) throw new RowRejected(`CF_JDRQ ${record.decidedOn} is in the future`);
        const stored = await publicRecords.storePenalty(ctx, record);
        let scored = false;
        if (!type) {
          note(line, `not scored: penalty category "${record.penaltyCategory}" has no event type in the scoring catalogue`);
        } else {
          const known = await events.eventsOf(ctx, uscc);
          if (known === null) note(line, `not scored: ${uscc} is not a rated subject`);
          else if (!known.some((event) => event.decisionNo === record.decisionNo && event.type === type)) {
            await asRow(() => events.record(ctx, { uscc, type, occurredOn: record.decidedOn, decisionNo: record.decisionNo, description: record.facts }));
            scored = true;
          }
        }
        if (overridden) onOverride(uscc, line);
        return stored || scored ? 'imported' : 'unchanged';
      };
    },
  },
  'market-lists': {
    description: 'market-supervision lists: uscc, list_type (ABNORMAL_OPERATIONS|SERIOUS_ILLEGAL_DISHONEST), reason, authority, listed_on, [document_no, removed_on, removal_reason]',
    requiredColumns: LIST_COLUMNS,
    handler(context) {
      const listings = new MarketListingService(context.sources.market);
      return listEntryHandler(context, Object.values(MarketListType), {
        entriesOf: (uscc) => listings.listingsOf(context.ctx, uscc),
        add: (entry) => listings.add(context.ctx, entry),
        remove: (removal) => listings.remove(context.ctx, removal),
      });
    },
  },
  'credit-lists': {
    description: 'credit-office designations: uscc, list_type (SERIOUS_DISHONESTY|COURT_DISHONEST_DEBTOR|RED_LIST), reason, authority, listed_on, [field, document_no, removed_on, removal_reason]',
    requiredColumns: LIST_COLUMNS,
    handler(context) {
      const listings = new CreditListingService(context.sources.credit);
      return listEntryHandler(context, Object.values(CreditListType), {
        entriesOf: (uscc) => listings.listingsOf(context.ctx, uscc),
        add: (entry, values) => listings.designate(context.ctx, { ...entry, field: optional(values, 'field') }),
        remove: (removal) => listings.remove(context.ctx, removal),
      });
    },
  },
  'dishonest-debtors': {
    description: 'court dishonest-debtor records (失信被执行人): uscc, subject_name, case_no, court, obligation, performance (UNPERFORMED|PARTIALLY_PERFORMED), filed_on, published_on, [removed_on]',
    requiredColumns: ['uscc', 'subject_name', 'case_no', 'court', 'obligation', 'performance', 'filed_on', 'published_on'],
    handler({ ctx, sources, overrides, onOverride }) {
      const publicRecords = new PublicRecordService(sources.credit);
      return async (values, line) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
        const changed = await publicRecords.storeDishonestDebtor(ctx, {
          uscc,
          subjectName: required(values, 'subject_name'),
          caseNo: required(values, 'case_no'),
          court: required(values, 'court'),
          obligation: required(values, 'obligation'),
          performance: debtorPerformance(required(values, 'performance')),
          filedOn: feedDate(values, 'filed_on')!,
          publishedOn: feedDate(values, 'published_on')!,
          removedOn: feedDate(values, 'removed_on', true),
        });
        if (overridden) onOverride(uscc, line);
        return changed ? 'imported' : 'unchanged';
      };
    },
  },
  feedback: {
    description: 'implementing agencies\' feedback on measures: uscc, measure_code, outcome (APPLIED|NOT_APPLIED|EXEMPTED), applied_on, agency, [business_ref, note]',
    requiredColumns: ['uscc', 'measure_code', 'outcome', 'applied_on', 'agency'],
    // The credit office collects feedback on behalf of the implementing agencies named in the file.
    principal: { clientId: 'cli:import', clientName: 'ecocredit import', role: 'CREDIT_OFFICE', agency: null, districtCode: null, purpose: 'IMPORT' },
    handler({ ctx, sources, overrides, onOverride }) {
      const catalog = new MeasureCatalogService(sources.credit);
      const feedback = new MeasureFeedbackService(sources.credit, catalog, new MeasureDueService(sources.credit));
      return async (values, line) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
        const outcome = oneOf(values, 'outcome', Object.values(FeedbackOutcome));
        const appliedOn = feedDate(values, 'applied_on')!;
        const businessRef = optional(values, 'business_ref');
        const measureCode = required(values, 'measure_code');
        const agency = required(values, 'agency');
        const [duplicate] = await sources.credit.query<unknown[]>(
          `SELECT 1 FROM credit.measure_feedback WHERE uscc = $1 AND measure_code = $2 AND applied_on = $3 AND outcome = $4 AND agency = $5 AND business_ref IS NOT DISTINCT FROM $6 LIMIT 1`,
          [uscc, measureCode, appliedOn, outcome, agency, businessRef],
        );
        if (duplicate) return 'unchanged';
        await asRow(() => feedback.report(ctx, { uscc, measureCode, outcome, appliedOn, businessRef, note: optional(values, 'note'), onBehalfOf: agency }));
        if (overridden) onOverride(uscc, line);
        return 'imported';
      };
    },
  },
  'legacy-ratings': {
    description: 'historical annual 100-point ratings: uscc, year, score, [color (GREEN..BLACK or 绿/蓝/黄/红/黑), source]; kept apart from 12-point scores',
    requiredColumns: ['uscc', 'year', 'score'],
    handler({ ctx, sources, overrides, onOverride, path }) {
      const legacy = new LegacyRatingService(sources.environment, new RatingService(sources.environment, new PolicyService(sources.environment)));
      return async (values, line) => {
        const { uscc, overridden } = feedUscc(values, 'uscc', overrides);
        const year = Number(required(values, 'year'));
        if (!Number.isInteger(year)) throw new RowRejected(`year "${values.year}" is not a whole year`);
        const rawColor = optional(values, 'color');
        const color = rawColor === null ? null : legacyGrade(rawColor);
        const result = await asRow(() =>
          legacy.import(ctx, { source: optional(values, 'source') ?? `import of ${basename(path)}`, ratings: [{ uscc, year, score: required(values, 'score'), color }] }),
        );
        if (overridden) onOverride(uscc, line);
        return result.imported > 0 ? 'imported' : 'unchanged';
      };
    },
  },
};
