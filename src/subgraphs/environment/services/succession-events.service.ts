import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL } from '../../../shared/auth/principal';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import type { CurrentRatingService } from './current-rating.service';

/** Columns a successor's copy of an event does not take from the original. */
const OWN_COLUMNS = new Set(['id', 'uscc', 'recorded_at', 'known_on', 'inherited_from']);

/**
 * The bureau's side of a succession (DOMAIN.md §11 Successors), told by market supervision through
 * the hub-internal @inaccessible `followSuccessionEvents` from inside the transaction that records
 * it (as a registration move is, see SubjectDistrictService).
 *
 * Each successor gets a copy of every event of every predecessor (voided ones too, so the history
 * reads the same), with the original's type, dates, points, validity window and publicity unchanged:
 * they count in the successor's score and colour from their own dates. The copy names its original
 * (`inherited_from`, unique per successor): telling the bureau twice copies nothing twice. A
 * successor not yet rated is enrolled in its registration's district, rated from the earliest day a
 * predecessor was; a rated one is rated from that day when it is earlier (the history it now carries
 * begins then). The copies become known to the hub today (`known_on`): what the hub said of the
 * successor on an earlier day did not have them. Its current rating and its colour periods (the
 * maintained colour source) are recomputed in the same transaction.
 */
export class SuccessionEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly current: CurrentRatingService,
  ) {}

  /** Returns how many events the successors inherited (0 when none of `from` is rated). */
  async follow(ctx: HubContext, from: readonly string[], to: readonly { uscc: string; districtCode: string }[]): Promise<number> {
    if (ctx.principal.clientId !== HUB_SYSTEM_PRINCIPAL.clientId) throw forbidden('only the hub follows successions');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subjects = manager.getRepository(RatedSubjectEntity);
      const codes = [...new Set([...from, ...to.map((t) => t.uscc)])].sort();
      // Row locks in code order: the predecessors' events cannot change under the copy.
      const locked = await subjects.createQueryBuilder('s').setLock('pessimistic_write').where('s.uscc IN (:...codes)', { codes }).orderBy('s.uscc').getMany();
      const byCode = new Map(locked.map((row) => [row.uscc, row]));
      const predecessors = from.map((uscc) => byCode.get(uscc)).filter((row): row is RatedSubjectEntity => row !== undefined);
      if (predecessors.length === 0) return 0;
      const ratedFrom = predecessors.map((row) => row.ratedFrom).sort()[0];
      const columns = manager.connection
        .getMetadata(CreditEventEntity)
        .columns.map((column) => column.databaseName)
        .filter((name) => !OWN_COLUMNS.has(name));
      const list = columns.join(', ');
      let inherited = 0;
      for (const successor of to) {
        const existing = byCode.get(successor.uscc);
        if (!existing) {
          await subjects.insert({
            uscc: successor.uscc,
            subjectKind: predecessors[0].subjectKind,
            districtCode: successor.districtCode,
            industryCode: predecessors[0].industryCode,
            ratedFrom,
            knownOn: today(),
          });
        } else if (ratedFrom < existing.ratedFrom) {
          await subjects.update({ uscc: successor.uscc }, { ratedFrom });
        }
        const copied: unknown[] = await manager.query(
          `INSERT INTO environment.credit_event (uscc, known_on, inherited_from, ${list})
           SELECT $1, greatest(e.known_on, $3::date), e.id, ${columns.map((name) => `e.${name}`).join(', ')}
             FROM environment.credit_event e
            WHERE e.uscc = ANY($2::varchar[])
            ORDER BY e.id
           ON CONFLICT DO NOTHING
           RETURNING id`,
          [successor.uscc, from, today()],
        );
        inherited += copied.length;
        const subject = await subjects.findOneByOrFail({ uscc: successor.uscc });
        await this.current.refresh(manager, ctx, subject);
      }
      for (const uscc of codes) ctx.touchedUsccs.add(uscc);
      return inherited;
    });
  }
}
