import type { DataSource } from 'typeorm';
import { CreditRestrictionService } from './services/credit-restriction.service';
import { RestrictionCalendarService } from './services/restriction-calendar.service';
import { RestrictionRuleService } from './services/restriction-rule.service';

export type FinanceServices = ReturnType<typeof createFinanceServices>;

/** Finance's services over its DataSource: for its subgraph and the gateway's jobs. */
export function createFinanceServices(dataSource: DataSource) {
  return {
    restrictions: new CreditRestrictionService(dataSource),
    rules: new RestrictionRuleService(dataSource),
    /** The days the restriction table changes levels by itself (the webhook dispatcher's `restrictions_due` job). */
    calendar: new RestrictionCalendarService(dataSource),
  };
}
