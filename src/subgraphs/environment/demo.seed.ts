import type { DataSource } from 'typeorm';
import { addDays, addMonths } from '../../shared/dates';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import { CreditEventEntity } from './entities/credit-event.entity';
import { EventTypeEntity } from './entities/event-type.entity';
import { RatedSubjectEntity } from './entities/rated-subject.entity';
import { ScoringPolicyEntity } from './entities/scoring-policy.entity';
import { policyOn } from './services/scoring';
import { PolicyService } from './services/policy.service';
import { RatingService } from './services/rating.service';
import type { Principal } from '../../shared/auth/principal';
import { createContext } from '../../shared/context';

/**
 * Writes the demo rated subjects and their events (the bureau's own tables only). Points and
 * validity come from the catalogue, exactly as recordCreditEvent would fix them; colours are then
 * derived from these events like any other.
 */
export async function seedEnvironmentDemo(dataSource: DataSource, dataset: DemoEnterprise[]): Promise<void> {
  const eventTypes = await dataSource.getRepository(EventTypeEntity).findBy({ subjectKind: 'ENTERPRISE' });
  const policies = await dataSource.getRepository(ScoringPolicyEntity).findBy({ subjectKind: 'ENTERPRISE' });
  const rated = dataset.filter((e) => e.ratedFrom);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(RatedSubjectEntity).insert(
      rated.map((e) => ({ uscc: e.uscc, subjectKind: 'ENTERPRISE', districtCode: e.districtCode, industryCode: e.industryCode, ratedFrom: e.ratedFrom! })),
    );
    const events = rated.flatMap((e) =>
      e.events.map((event) => {
        const type = eventTypes.find((t) => t.code === event.type);
        const policy = policyOn(policies, event.occurredOn);
        if (!type || !policy) throw new Error(`demo event ${event.type} on ${event.occurredOn} has no catalogue entry`);
        const validFrom = addDays(event.occurredOn, policy.validityOffsetDays);
        return {
          uscc: e.uscc,
          type: type.code,
          occurredOn: event.occurredOn,
          servedOn: event.occurredOn,
          points: type.defaultPoints,
          publicityUntil: type.defaultPoints < 0 ? addMonths(event.occurredOn, type.publicityMonths ?? policy.publicityMaxMonths) : null,
          validFrom,
          validUntil: addMonths(validFrom, type.validityMonths),
          forcedColor: type.forcedColor,
          decisionNo: event.decisionNo,
          description: `${type.nameZh}（演示数据）`,
          recordedBy: 'demo-seed',
        };
      }),
    );
    for (let i = 0; i < events.length; i += 500) {
      await manager.getRepository(CreditEventEntity).insert(events.slice(i, i + 500));
    }
  });
  await materialiseCurrentRatings(dataSource, rated.map((e) => e.uscc));
}

/** The bureau's own system, for work no partner asked for. */
const SEED_PRINCIPAL: Principal = { clientId: 'system:demo-seed', clientName: 'demo seed', role: 'ENV_ADMIN', agency: null, districtCode: null, purpose: null };

/**
 * Stores today's colour of every seeded subject, as recording their events one by one would have,
 * so that partners' first reads find it fresh (one batched UPDATE per thousand subjects).
 */
async function materialiseCurrentRatings(dataSource: DataSource, usccs: string[]): Promise<void> {
  const ratings = new RatingService(dataSource, new PolicyService(dataSource));
  for (let i = 0; i < usccs.length; i += 1000) {
    const ctx = createContext(SEED_PRINCIPAL, 'demo-seed');
    await Promise.all(usccs.slice(i, i + 1000).map((uscc) => ratings.ratingOf(ctx, uscc)));
  }
}
