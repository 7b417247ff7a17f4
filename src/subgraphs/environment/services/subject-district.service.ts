import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL } from '../../../shared/auth/principal';
import type { HubContext } from '../../../shared/context';
import { today, type IsoDate } from '../../../shared/dates';
import { forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { DistrictMoveEntity } from '../entities/district-move.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { districtMovesLoader } from '../loaders/environment.loader';
import type { CurrentRatingService } from './current-rating.service';
import type { SubjectScopeService } from './subject-scope.service';

/**
 * The district a subject was in on `day` (DOMAIN.md §11 "Relocation"): the `fromDistrict` of the
 * first move that took effect after `day`, else today's district. `moves` in the order they took
 * effect; several on one day end in the last one's district. The same rule cuts the colour periods
 * (the migration DistrictByDay's `environment.district_periods`).
 */
export function districtOn(current: string, moves: readonly { movedOn: IsoDate; fromDistrict: string }[], day: IsoDate): string {
  return moves.find((move) => move.movedOn > day)?.fromDistrict ?? current;
}

/**
 * Keeps the bureau's copy of each rated subject's district equal to its market registration.
 *
 * Design (one source for one fact): the registration in market supervision decides which district
 * supervises a subject. The bureau keeps a copy on `rated_subject` because its set-valued reads
 * (colour distribution, inspection draws, subjects due for a measure) filter and group by district
 * in one SQL statement, which a per-row federated lookup could not do at 10^6 subjects. The copy is
 * written only here, and only when market supervision tells the bureau (through the hub-internal
 * @inaccessible `followRegistrationDistrict`) from inside the transaction that changes the
 * registration: if the bureau cannot follow, the registration change rolls back, so the copy is
 * never stale. Each move is kept in `district_move` with the request that caused it and its day.
 * No department writes another's tables (DESIGN.md convention 1): market writes `registration`, the
 * bureau writes `rated_subject` and `district_move`.
 *
 * A move takes effect on the day it is recorded (DOMAIN.md §11 "Relocation"): from that day the new
 * district's officer (row scope reads `rated_subject`), counts and draws (the colour periods, cut at
 * the move day) have the subject; answers as of earlier days keep the old district.
 */
export class SubjectDistrictService {
  constructor(
    private readonly dataSource: DataSource,
    /** The subject's colour periods are stored again, cut at the new move day. */
    private readonly current: CurrentRatingService,
    private readonly subjects: SubjectScopeService,
  ) {}

  /**
   * The district the subject was supervised in on `asOf` (default today), in the caller's row scope
   * (null when unrated or outside it): what counts and draws as of that day group it by.
   */
  async districtOf(ctx: HubContext, uscc: string, asOf: IsoDate = today()): Promise<string | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    return districtOn(subject.districtCode, await districtMovesLoader(ctx, this.dataSource).load(uscc), asOf);
  }

  /**
   * Moves a rated subject to `districtCode`; false when the subject is not rated (nothing to move)
   * or already there. Only the hub itself may call it: it is market supervision's notification.
   */
  async follow(ctx: HubContext, uscc: string, districtCode: string, source: string): Promise<boolean> {
    if (ctx.principal.clientId !== HUB_SYSTEM_PRINCIPAL.clientId) throw forbidden('only the hub follows registration moves');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subjects = manager.getRepository(RatedSubjectEntity);
      const subject = await subjects.createQueryBuilder('s').setLock('pessimistic_write').where('s.uscc = :uscc', { uscc }).getOne();
      if (!subject || subject.districtCode === districtCode) return false;
      await manager.getRepository(DistrictMoveEntity).insert({ uscc, fromDistrict: subject.districtCode, toDistrict: districtCode, movedOn: today(), source });
      await subjects.update({ uscc }, { districtCode });
      subject.districtCode = districtCode;
      // The colour source carries the district of each day: the periods from the move day on go to the
      // new district (the counts follow by trigger), those before it stay where they were.
      await this.current.refresh(manager, ctx, subject);
      ctx.touchedUsccs.add(uscc);
      return true;
    });
  }
}
