import type { HubContext } from '../../shared/context';
import type { DataSource } from 'typeorm';
import { BulkCopyTransaction, type CopyValue } from '../../shared/bulk-copy';
import { addMonths as addMonthsOnce, rememberedDateArithmetic } from '../../shared/dates';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import type { DepartmentSeedWriter } from '../../shared/seed-writer';
import { withCheckCharacter } from '../../shared/uscc';

/** 双公示 penalty categories of the demo events that are penalty decisions (awards and commitments are not). */
const PENALTY_CATEGORY: Record<string, string> = {
  WARNING: '警告',
  ORDER_TO_CORRECT: '责令改正',
  FINE: '罚款',
  PRODUCTION_LIMIT: '责令限制生产',
  SEIZURE: '查封扣押',
  SUSPENSION_ORDER: '责令停产停业',
  DAILY_CONTINUOUS_PENALTY: '按日连续处罚',
  ADMIN_DETENTION_TRANSFER: '行政拘留',
  CRIMINAL_LIABILITY: '移送司法机关',
};
const BUREAU = '连云港市生态环境局';
const BUREAU_USCC = withCheckCharacter('11320700014087001');

/** A million penalties fall on a few hundred distinct dates. */
const addMonths = rememberedDateArithmetic(addMonthsOnce);
const COURT = '连云港市海州区人民法院';
const SEED_REPORTER = 'system:demo-seed';

const LISTING_COLUMNS = ['uscc', 'list_type', 'field', 'reason', 'authority', 'document_no', 'listed_on', 'recorded_on'] as const;
const DEBTOR_COLUMNS = ['uscc', 'subject_name', 'case_no', 'court', 'obligation', 'performance', 'filed_on', 'published_on'] as const;
const PENALTY_COLUMNS = [
  'subject_name', 'uscc', 'legal_representative', 'decision_no', 'violation_type', 'facts', 'legal_basis', 'penalty_category',
  'content', 'fine_amount', 'decided_on', 'valid_until', 'publicity_ends_on', 'authority', 'authority_uscc', 'data_source',
  'data_source_uscc', 'remarks',
] as const;
const FEEDBACK_COLUMNS = ['uscc', 'measure_code', 'outcome', 'applied_on', 'business_ref', 'note', 'agency', 'reported_by', 'reported_role'] as const;

/**
 * Writes the demo designations, court records, 双公示 penalties (one per penalty decision among the
 * bureau's events) and implementing agencies' feedback: the credit office's own tables only, streamed with COPY.
 */
export async function openCreditSeed(dataSource: DataSource, by: HubContext): Promise<DepartmentSeedWriter> {
  const copy = await BulkCopyTransaction.open(dataSource, by);
  return {
    department: 'credit',
    sent: copy.sent,
    async hasData() {
      const [{ found }] = await copy.query<{ found: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM credit.list_designation) OR EXISTS (SELECT 1 FROM credit.penalty_record)
             OR EXISTS (SELECT 1 FROM credit.dishonest_debtor) OR EXISTS (SELECT 1 FROM credit.measure_feedback) AS found`,
      );
      return found;
    },
    async write(chunk: readonly DemoEnterprise[]) {
      const listed = chunk.filter((e) => e.creditListing);
      if (listed.length > 0) {
        await copy.copy(
          'credit.list_designation',
          LISTING_COLUMNS,
          // The demo city has been running: each designation was learnt the day it took effect.
          listed.map(({ uscc, creditListing: l }) => [
            uscc, l!.listType, 'ENVIRONMENT', l!.reason, l!.listType === 'COURT_DISHONEST_DEBTOR' ? COURT : BUREAU, l!.documentNo, l!.listedOn, l!.listedOn,
          ]),
        );
      }
      const debtors = listed.filter((e) => e.creditListing!.listType === 'COURT_DISHONEST_DEBTOR');
      if (debtors.length > 0) {
        await copy.copy(
          'credit.dishonest_debtor',
          DEBTOR_COLUMNS,
          debtors.map(({ uscc, name, creditListing: l }) => [
            uscc, name, l!.documentNo, COURT, '支付货款及利息', 'UNPERFORMED', addMonths(l!.listedOn, -4), l!.listedOn,
          ]),
        );
      }
      const penalties: CopyValue[][] = [];
      for (const e of chunk) {
        for (const event of e.events) {
          const category = PENALTY_CATEGORY[event.type];
          if (!category) continue;
          const publicUntil = addMonths(event.occurredOn, 36);
          penalties.push([
            e.name, e.uscc, e.legalRepresentative, event.decisionNo, '违反环境保护法律法规', '超标排放水污染物',
            '《中华人民共和国水污染防治法》第八十三条', category, category, event.type === 'FINE' ? '10.000000' : null,
            event.occurredOn, publicUntil, publicUntil, BUREAU, BUREAU_USCC, BUREAU, BUREAU_USCC, null,
          ]);
        }
      }
      if (penalties.length > 0) await copy.copy('credit.penalty_record', PENALTY_COLUMNS, penalties);
      const feedback = chunk.flatMap((e) =>
        e.feedback.map((f) => [e.uscc, f.measureCode, f.outcome, f.appliedOn, f.businessRef, f.note, f.agency, SEED_REPORTER, f.reportedRole]),
      );
      if (feedback.length > 0) await copy.copy('credit.measure_feedback', FEEDBACK_COLUMNS, feedback);
    },
    ...copy.lifecycle,
  };
}
