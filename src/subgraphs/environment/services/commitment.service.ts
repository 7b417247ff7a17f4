import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { addDays, today, type IsoDate } from '../../../shared/dates';
import { checkKnownOn } from '../../../shared/known-on';
import { creditEventsLoader } from '../loaders/environment.loader';
import { commitmentCourse, commitmentStateOn, isCommitment } from '../rules/commitment';
import { enrolledBy, eventsAsKnownOn } from '../rules/known-on';
import { scoredEvents } from '../rules/scoring';
import { CommitmentState, type Commitment } from '../types/commitment.type';
import { toCreditEvent } from './credit-event.mapper';
import type { SubjectScopeService } from './subject-scope.service';

/** Credit commitments (信用承诺) and their state (DOMAIN.md §11; rules/commitment.ts). */
export class CommitmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectScopeService,
  ) {}

  /**
   * The subject's commitments signed on or before `asOf` (default today, or `knownOn`), oldest first,
   * each in its state on `asOf`; voided ones left out. With `knownOn`, as the hub knew them that day:
   * a deduction recorded later did not break one yet. Null when the subject is not rated (or was not
   * known to be on `knownOn`).
   */
  async commitmentsOf(ctx: HubContext, uscc: string, asOf: IsoDate | undefined, knownOn: IsoDate | undefined): Promise<Commitment[] | null> {
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject || (knownOn !== undefined && !enrolledBy(subject, knownOn))) return null;
    const stored = await creditEventsLoader(ctx, this.dataSource).load(uscc);
    const counted = scoredEvents(knownOn === undefined ? stored : eventsAsKnownOn(stored, knownOn));
    const date = asOf ?? knownOn ?? today();
    return counted
      .filter((event) => isCommitment(event) && event.occurredOn <= date)
      .map((event) => {
        const course = commitmentCourse(event, counted);
        const state = commitmentStateOn(course, date);
        const broken = state === 'BROKEN' ? course.brokenBy : null;
        return {
          event: toCreditEvent(event),
          signedOn: course.signedOn,
          runsThrough: addDays(course.runsUntil, -1),
          state: CommitmentState[state],
          brokenOn: broken ? course.brokenOn : null,
          brokenBy: broken ? toCreditEvent(broken) : null,
        };
      });
  }
}
