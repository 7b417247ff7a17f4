import type { HubContext } from '../../shared/context';
import type { DataSource } from 'typeorm';
import { BulkCopyTransaction, type CopyValue } from '../../shared/bulk-copy';
import { addDays as addDaysOnce, addMonths as addMonthsOnce, rememberedDateArithmetic, type IsoDate } from '../../shared/dates';
import { DEMO_DISTRICTS, type DemoEnterprise } from '../../shared/demo-dataset';
import { lastHalfYearEndBefore } from '../../shared/half-year';
import { snapshotSeries } from './services/snapshot.service';
import type { DepartmentSeedWriter } from '../../shared/seed-writer';
import { EventTypeEntity } from './entities/event-type.entity';
import { ScoringPolicyEntity } from './entities/scoring-policy.entity';
import { colorPeriods, colorSinceOn, nextChangeAfter, policyOn, ratingBasis, ratingOn, type ScoredEvent } from './rules/scoring';
import { publicityTier } from './rules/credit-event';

/** A million events fall on a few hundred distinct dates. */
const addDays = rememberedDateArithmetic(addDaysOnce);
const addMonths = rememberedDateArithmetic(addMonthsOnce);

const SUBJECT_COLUMNS = [
  'uscc', 'subject_kind', 'district_code', 'industry_code', 'rated_from', 'known_on',
  'current_color', 'current_score', 'current_on', 'current_since', 'next_change_on',
] as const;
const PERIOD_COLUMNS = ['uscc', 'valid_from', 'valid_until', 'color', 'district_code', 'industry_code'] as const;
const SNAPSHOT_COLUMNS = ['uscc', 'period_end', 'color', 'score', 'consecutive_red'] as const;
const EVENT_COLUMNS = [
  'uscc', 'type', 'occurred_on', 'served_on', 'points', 'publicity_until', 'valid_from', 'valid_until',
  'forced_color', 'decision_no', 'description', 'recorded_by', 'known_on', 'severity',
] as const;

/** Given names of the demo inspectors; each district gets `DEMO_INSPECTORS_PER_DISTRICT` of them with its own surname. */
const DEMO_INSPECTOR_GIVEN = ['伟', '芳', '敏', '静', '磊', '洋'];
const DEMO_INSPECTOR_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
export const DEMO_INSPECTORS_PER_DISTRICT = 6;

/**
 * Writes the demo rated subjects and their events (the bureau's own tables only), streamed with COPY.
 * Points and validity come from the catalogue version in force on the event's date, exactly as
 * recordCreditEvent would fix them. Each subject row carries its materialised current rating,
 * computed from those same events with the scoring rules that `CurrentRatingService` applies, so that
 * partners' first reads find it fresh instead of recomputing a million subjects on demand.
 */
export async function openEnvironmentSeed(dataSource: DataSource, today: IsoDate, by: HubContext): Promise<DepartmentSeedWriter> {
  const eventTypes = await dataSource.getRepository(EventTypeEntity).find({ where: { subjectKind: 'ENTERPRISE' }, order: { effectiveFrom: 'ASC' } });
  const policies = await dataSource.getRepository(ScoringPolicyEntity).find({ where: { subjectKind: 'ENTERPRISE' }, order: { effectiveFrom: 'ASC' } });
  const versionsByCode = new Map<string, EventTypeEntity[]>();
  for (const type of eventTypes) versionsByCode.set(type.code, [...(versionsByCode.get(type.code) ?? []), type]);
  const copy = await BulkCopyTransaction.open(dataSource, by);
  const latestEnd = lastHalfYearEndBefore(today);
  const storedEnds = [lastHalfYearEndBefore(latestEnd), latestEnd];

  /** The event row as recordCreditEvent would store it, and what scoring reads of it. */
  function eventRow(uscc: string, event: DemoEnterprise['events'][number]): { row: CopyValue[]; scored: ScoredEvent & { type: string; occurredOn: IsoDate; voidedAt: null } } {
    const type = policyOn(versionsByCode.get(event.type) ?? [], event.occurredOn);
    const policy = policyOn(policies, event.occurredOn);
    if (!type || !policy) throw new Error(`demo event ${event.type} on ${event.occurredOn} has no catalogue entry`);
    const validFrom = addDays(event.occurredOn, policy.validityOffsetDays);
    const validUntil = addMonths(validFrom, type.validityMonths);
    // Decided by general procedure with the type's default severity: published for its tier's maximum.
    const severity = type.defaultPoints < 0 ? (type.defaultSeverity ?? 'GENERAL') : null;
    const publicityUntil = severity ? addMonths(event.occurredOn, publicityTier(policy, severity).maxMonths) : null;
    return {
      row: [
        uscc, type.code, event.occurredOn, event.occurredOn, type.defaultPoints, publicityUntil, validFrom, validUntil,
        type.forcedColor, event.decisionNo, `${type.nameZh}（演示数据）`, 'demo-seed',
        // The demo city has been running: each decision became known the day it was taken.
        event.occurredOn,
        severity,
      ],
      scored: { type: type.code, occurredOn: event.occurredOn, points: type.defaultPoints, validFrom, validUntil, forcedColor: type.forcedColor, voidedAt: null },
    };
  }

  let inspectorsWritten = false;
  return {
    department: 'environment',
    sent: copy.sent,
    async hasData() {
      const [{ found }] = await copy.query<{ found: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM environment.rated_subject) AS found`);
      return found;
    },
    async write(chunk: readonly DemoEnterprise[]) {
      if (!inspectorsWritten) {
        // The inspector pool (DOMAIN.md §11 Inspectors): a few inspectors in each demo district, so that draws assign them.
        inspectorsWritten = true;
        const inspectors = DEMO_DISTRICTS.flatMap((district, d) =>
          DEMO_INSPECTOR_GIVEN.slice(0, DEMO_INSPECTORS_PER_DISTRICT).map((given): CopyValue[] => [`${DEMO_INSPECTOR_SURNAMES[d % DEMO_INSPECTOR_SURNAMES.length]}${given}`, district, 'demo-seed']),
        );
        await copy.copy('environment.inspector', ['name', 'district_code', 'added_by'], inspectors);
      }
      const subjects: CopyValue[][] = [];
      const events: CopyValue[][] = [];
      const snapshots: CopyValue[][] = [];
      const periods: CopyValue[][] = [];
      for (const e of chunk) {
        if (!e.ratedFrom) continue;
        const scored: ReturnType<typeof eventRow>['scored'][] = [];
        for (const event of e.events) {
          const written = eventRow(e.uscc, event);
          events.push(written.row);
          scored.push(written.scored);
        }
        // A seeded subject has no voided events and no front-runner designation; its commitments are
        // followed as every rating follows them (ratingBasis: a deduction inside one's year breaks it).
        const basis = ratingBasis(e.ratedFrom, policies, scored, []);
        const rating = ratingOn(basis, today);
        // The demo city has been running: each enrolment became known on its ratedFrom day, as its events on theirs.
        // The one colour source (color-period.service), as every write stores it; the counts follow by trigger.
        for (const period of colorPeriods(basis)) periods.push([e.uscc, period.from, period.until, period.color, e.districtCode, e.industryCode]);
        subjects.push([e.uscc, 'ENTERPRISE', e.districtCode, e.industryCode, e.ratedFrom, e.ratedFrom, rating?.color ?? null, rating?.score ?? null, today, rating ? colorSinceOn(basis, today) : null, nextChangeAfter(basis, today)]);
        // The demo city has been running: the snapshots deciding the current and the previous
        // half-year's prices are stored, as the scheduled job would have stored them (DOMAIN.md §10).
        for (const snapshot of snapshotSeries(basis, [], lastHalfYearEndBefore(today)).filter((s) => storedEnds.includes(s.periodEnd))) {
          snapshots.push([e.uscc, snapshot.periodEnd, snapshot.color, snapshot.score ?? 0, snapshot.consecutiveRed]);
        }
      }
      // Subjects first: every event references its subject.
      if (subjects.length > 0) await copy.copy('environment.rated_subject', SUBJECT_COLUMNS, subjects);
      if (events.length > 0) await copy.copy('environment.credit_event', EVENT_COLUMNS, events);
      if (snapshots.length > 0) await copy.copy('environment.half_year_snapshot', SNAPSHOT_COLUMNS, snapshots);
      if (periods.length > 0) await copy.copy('environment.subject_color_period', PERIOD_COLUMNS, periods);
    },
    ...copy.lifecycle,
  };
}
