import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import type { EventTypeEntity } from '../entities/event-type.entity';
import type { ScoringPolicyEntity } from '../entities/scoring-policy.entity';
import { policyTablesLoader } from '../loaders/environment.loader';

/** Reads the scoring policy and event catalogue versions that apply to a kind of subject on a date. */
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async policiesFor(ctx: HubContext, subjectKind: string): Promise<ScoringPolicyEntity[]> {
    const { policies } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return policies.filter((policy) => policy.subjectKind === subjectKind);
  }

  /** The catalogue version of `code` for `subjectKind` in force on `date`, or undefined. */
  async eventTypeOn(ctx: HubContext, subjectKind: string, code: string, date: IsoDate): Promise<EventTypeEntity | undefined> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return eventTypes.find(
      (type) =>
        type.code === code &&
        type.subjectKind === subjectKind &&
        type.effectiveFrom <= date &&
        (type.effectiveTo === null || date < type.effectiveTo),
    );
  }

  async eventTypeCodes(ctx: HubContext, subjectKind: string): Promise<string[]> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return [...new Set(eventTypes.filter((type) => type.subjectKind === subjectKind).map((type) => type.code))];
  }
}
