import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL } from '../../../shared/auth/principal';
import type { HubContext } from '../../../shared/context';
import { forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { DistrictMoveEntity } from '../entities/district-move.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';

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
 * never stale. Each move is kept in `district_move` with the request that caused it. No department
 * writes another's tables (DESIGN.md convention 1): market writes `registration`, the bureau writes
 * `rated_subject` and `district_move`.
 */
export class SubjectDistrictService {
  constructor(private readonly dataSource: DataSource) {}

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
      await manager.getRepository(DistrictMoveEntity).insert({ uscc, fromDistrict: subject.districtCode, toDistrict: districtCode, source });
      await subjects.update({ uscc }, { districtCode });
      // The colour source carries the district (today's, as every set-wide answer groups by): the counts follow by trigger.
      await manager.query(`UPDATE environment.subject_color_period SET district_code = $2 WHERE uscc = $1`, [uscc, districtCode]);
      ctx.touchedUsccs.add(uscc);
      return true;
    });
  }
}
