import type { DataSource } from 'typeorm';
import type { HubContext } from '../../shared/context';
import type { Department } from '../../shared/database';
import { HubError } from '../../shared/errors';
import { CreditEventService } from '../../subgraphs/environment/services/credit-event.service';
import { PolicyService } from '../../subgraphs/environment/services/policy.service';
import { RatingService } from '../../subgraphs/environment/services/rating.service';
import { RegistrationService } from '../../subgraphs/market/services/registration.service';
import { feedDate, feedUscc, optional, required, RowRejected } from './feed-values';

export type RowOutcome = 'imported' | 'unchanged';

export interface FeedContext {
  ctx: HubContext;
  sources: Record<Department, DataSource>;
  /** Codes accepted despite a failing check character (explicit, audited override list). */
  overrides: ReadonlySet<string>;
  onOverride(uscc: string, line: number): void;
}

/** How one feed is applied: its required header columns and what one row does. */
export interface FeedDefinition {
  description: string;
  requiredColumns: string[];
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
    description: '双公示 administrative penalties (DOMAIN.md §9): CF_XDR_MC, CF_XDR_SHXYM, CF_WSH, CF_CFLB, CF_JDRQ, ...',
    requiredColumns: ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'],
    handler({ ctx, sources, overrides, onOverride }) {
      const policies = new PolicyService(sources.environment);
      const ratings = new RatingService(sources.environment, policies);
      const events = new CreditEventService(sources.environment, policies, ratings);
      return async (values, line) => {
        for (const column of ['CF_XDR_MC', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_NR', 'CF_CFJG', 'CF_SJLY']) required(values, column);
        const { uscc, overridden } = feedUscc(values, 'CF_XDR_SHXYM', overrides);
        feedUscc(values, 'CF_CFJGDM', overrides);
        feedUscc(values, 'CF_SJLYDM', overrides);
        const decisionNo = required(values, 'CF_WSH');
        const category = required(values, 'CF_CFLB');
        const type = eventTypeForPenalty(category);
        if (!type) throw new RowRejected(`penalty category "${category}" (CF_CFLB) has no event type in the scoring catalogue`);
        const occurredOn = feedDate(values, 'CF_JDRQ')!;
        feedDate(values, 'CF_YXQ');
        const known = await events.eventsOf(ctx, uscc);
        if (known === null) throw new RowRejected(`${uscc} is not a rated subject; enrol it before importing its penalties`);
        if (known.some((event) => event.decisionNo === decisionNo && event.type === type)) return 'unchanged';
        await asRow(() => events.record(ctx, { uscc, type, occurredOn, decisionNo, description: values.CF_SY }));
        if (overridden) onOverride(uscc, line);
        return 'imported';
      };
    },
  },
};
