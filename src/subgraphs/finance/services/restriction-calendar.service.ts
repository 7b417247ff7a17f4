import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../../shared/dates';
import { RestrictionRuleEntity } from '../entities/restriction-rule.entity';
import { restrictionChangeDays, type RestrictionTriggerChange } from '../rules/restriction-calendar';

/**
 * The days on which banks' credit-restriction answers can change with nothing recorded: a version of
 * the restriction table taking effect or ending on its day (DOMAIN.md §10, rules as data from a future
 * day), read from the table instead of from every subject. For the webhook dispatcher's
 * `restrictions_due` job, as credit's MeasureCalendarService is for `measures_due`.
 */
export class RestrictionCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  /** The triggers whose level changes on each such day of [from, to], by day then trigger; one statement (the table is small). */
  async changeDays(from: IsoDate, to: IsoDate): Promise<RestrictionTriggerChange[]> {
    const rules = await this.dataSource.getRepository(RestrictionRuleEntity).find({ order: { id: 'ASC' } });
    return restrictionChangeDays(rules, from, to);
  }
}
