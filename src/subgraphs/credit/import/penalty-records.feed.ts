import type { DataSource } from 'typeorm';
import type { FeedStage, RowResult } from '../../../shared/import/feed';
import { RowRejected } from '../../../shared/import/feed-values';
import { penaltyDecision, type PenaltyDecision } from '../../../shared/import/penalty-decision';
import { writeTransaction } from '../../../shared/read-snapshot';

const COLUMNS = {
  subject_name: 'varchar', uscc: 'varchar(18)', legal_representative: 'varchar', decision_no: 'varchar', violation_type: 'varchar', facts: 'text',
  legal_basis: 'varchar', penalty_category: 'varchar', content: 'text', fine_amount: 'numeric(18,6)', decided_on: 'date', valid_until: 'date',
  publicity_ends_on: 'date', authority: 'varchar', authority_uscc: 'varchar(18)', data_source: 'varchar', data_source_uscc: 'varchar(18)', remarks: 'varchar',
};

function columnsOf(d: PenaltyDecision): (string | null)[] {
  return [
    d.subjectName, d.uscc, d.legalRepresentative, d.decisionNo, d.violationType, d.facts, d.legalBasis, d.penaltyCategory, d.content, d.fineAmount,
    d.decidedOn, d.validUntil, d.publicityEndsOn, d.authority, d.authorityUscc, d.dataSource, d.dataSourceUscc, d.remarks,
  ];
}

const COLUMN_NAMES = Object.keys(COLUMNS);
const NAMES = COLUMN_NAMES.join(', ');

/**
 * The batch's rows enter as one array per column (unnest ... WITH ORDINALITY, the row's place in the
 * batch as `ord`), DISTINCT ON keeps the first copy of a decision within the batch, as row-by-row
 * storing would. One statement per batch, with no staging table or COPY (their round trips cost
 * most on a loaded machine); it runs in the batch's write transaction beside its audit record.
 */
const INSERT = `
  INSERT INTO credit.penalty_record (${NAMES})
  SELECT ${NAMES}
    FROM (SELECT DISTINCT ON (decision_no, uscc) *
            FROM unnest(${Object.values(COLUMNS).map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) WITH ORDINALITY AS s(${NAMES}, ord)
           ORDER BY decision_no, uscc, ord) s
  ON CONFLICT (decision_no, uscc) DO NOTHING
  RETURNING decision_no, uscc`;

/**
 * 双公示 penalty records, stored set-wise per batch with one INSERT ... ON CONFLICT (decision_no, uscc)
 * DO NOTHING. Like PublicRecordService.storePenalty, a record already held is left as it is
 * (unchanged); the first copy of a decision in a file wins.
 */
export function penaltyRecordsFeed(dataSource: DataSource): FeedStage {
  return {
    open({ overrides, context }) {
      return async (rows) => {
        const results = new Array<RowResult>(rows.length);
        const decisions: { index: number; decision: PenaltyDecision; overridden: readonly string[] }[] = [];
        rows.forEach((row, index) => {
          try {
            if (row.error) throw new RowRejected(row.error);
            const { decision, overridden } = penaltyDecision(row.values, overrides);
            decisions.push({ index, decision, overridden });
          } catch (error) {
            if (!(error instanceof RowRejected)) throw error;
            results[index] = { rejected: error.message };
          }
        });
        if (decisions.length === 0) return results;
        const columns: (string | null)[][] = COLUMN_NAMES.map(() => new Array<string | null>(decisions.length));
        decisions.forEach(({ decision }, i) => {
          const values = columnsOf(decision);
          for (let c = 0; c < values.length; c++) columns[c][i] = values[c];
        });
        // writeTransaction: the batch commits with its audit record (the codes it wrote) in credit's outbox.
        const ctx = context();
        const written = await writeTransaction(ctx, dataSource, async (manager) => {
          const rows: { decision_no: string; uscc: string }[] = await manager.query(INSERT, columns);
          for (const row of rows) ctx.touchedUsccs.add(row.uscc);
          return rows;
        });
        const inserted = new Set(written.map((row) => `${row.uscc}\u0000${row.decision_no}`));
        for (const { index, decision, overridden } of decisions) {
          const key = `${decision.uscc}\u0000${decision.decisionNo}`;
          // A decision appears as imported once: a later copy in the same batch is unchanged.
          const stored = inserted.delete(key);
          results[index] = { outcome: stored ? 'imported' : 'unchanged', overrides: overridden.length ? overridden : undefined };
        }
        return results;
      };
    },
  };
}
