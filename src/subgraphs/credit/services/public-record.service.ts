import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { dishonestDebtorLoader, penaltyRecordLoader } from '../loaders/public-record.loader';
import type { DishonestDebtorRecord, PenaltyRecord } from '../types/public-record.type';

/** Public credit records the credit office collects from other agencies: 双公示 penalties and court records. */
export class PublicRecordService {
  constructor(private readonly dataSource: DataSource) {}

  async penaltiesOf(ctx: HubContext, uscc: string): Promise<PenaltyRecord[]> {
    const rows = await penaltyRecordLoader(ctx, this.dataSource).load(uscc);
    return rows.map(({ id: _id, ...record }) => record);
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
