import type { DataSource } from 'typeorm';
import { DishonestDebtorEntity } from '../entities/dishonest-debtor.entity';
import { PenaltyRecordEntity } from '../entities/penalty-record.entity';
import { DEFAULT_LIST_PAGE, listConnection } from '../../../shared/paging/cursor';
import type { HubContext } from '../../../shared/context';
import { writeTransaction } from '../../../shared/read-snapshot';
import { dishonestDebtorLoader, penaltyRecordLoader } from '../loaders/public-record.loader';
import type { DishonestDebtorRecord, PenaltyRecord, PenaltyRecordConnection } from '../types/public-record.type';

/** Public credit records the credit office collects from other agencies: 双公示 penalties and court records. */
export class PublicRecordService {
  constructor(private readonly dataSource: DataSource) {}

  async penaltiesOf(ctx: HubContext, uscc: string): Promise<PenaltyRecord[]> {
    const rows = await penaltyRecordLoader(ctx, this.dataSource).load(uscc);
    return rows.map(({ id: _id, ...record }) => record);
  }

  /** A page of `penaltiesOf`, by decision date then arrival (id). */
  async penaltiesPage(ctx: HubContext, uscc: string, first: number | null | undefined, after: string | null | undefined): Promise<PenaltyRecordConnection> {
    const rows = await penaltyRecordLoader(ctx, this.dataSource).load(uscc);
    const page = listConnection('publicPenaltyRecordsConnection', uscc, rows, (row) => [row.decidedOn, row.id], first, after, DEFAULT_LIST_PAGE);
    return { ...page, edges: page.edges.map(({ cursor, node: { id: _id, ...record } }) => ({ cursor, node: record })) };
  }

  /**
   * Stores a 双公示 penalty record as received from the deciding agency. Idempotent on the subject
   * and decision number: returns false when the record was already held (a re-import).
   */
  async storePenalty(ctx: HubContext, record: Omit<PenaltyRecordEntity, 'id'>): Promise<boolean> {
    ctx.touchedUsccs.add(record.uscc);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(PenaltyRecordEntity);
      if (await repository.existsBy({ uscc: record.uscc, decisionNo: record.decisionNo })) return false;
      await repository.insert(record);
      return true;
    });
  }

  /**
   * Stores a court dishonest-debtor record (失信被执行人). Idempotent on subject and case number;
   * a later copy with a removal date ends the record. Returns whether anything changed.
   */
  async storeDishonestDebtor(ctx: HubContext, record: Omit<DishonestDebtorEntity, 'id'>): Promise<boolean> {
    ctx.touchedUsccs.add(record.uscc);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(DishonestDebtorEntity);
      const existing = await repository.findOneBy({ uscc: record.uscc, caseNo: record.caseNo });
      if (!existing) {
        await repository.insert(record);
        return true;
      }
      if (record.removedOn && existing.removedOn !== record.removedOn) {
        await repository.update({ id: existing.id }, { removedOn: record.removedOn });
        return true;
      }
      return false;
    });
  }

  async dishonestDebtorRecordsOf(ctx: HubContext, uscc: string): Promise<DishonestDebtorRecord[]> {
    const rows = await dishonestDebtorLoader(ctx, this.dataSource).load(uscc);
    return rows.map((row) => ({
      caseNo: row.caseNo,
      court: row.court,
      obligation: row.obligation,
      performance: row.performance,
      filedOn: row.filedOn,
      publishedOn: row.publishedOn,
      removedOn: row.removedOn,
    }));
  }
}
