import type { DataSource } from 'typeorm';
import { addMonths } from '../../shared/dates';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import { withCheckCharacter } from '../../shared/uscc';
import { CreditListingEntity } from './entities/credit-listing.entity';
import { DishonestDebtorEntity } from './entities/dishonest-debtor.entity';
import { PenaltyRecordEntity } from './entities/penalty-record.entity';

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

/** Writes the demo designations, 双公示 penalties and court records (the credit office's own tables only). */
export async function seedCreditDemo(dataSource: DataSource, dataset: DemoEnterprise[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const listed = dataset.filter((e) => e.creditListing);
    if (listed.length > 0) {
      await manager.getRepository(CreditListingEntity).insert(
        listed.map((e) => ({
          uscc: e.uscc,
          listType: e.creditListing!.listType,
          field: 'ENVIRONMENT',
          reason: e.creditListing!.reason,
          authority: e.creditListing!.listType === 'COURT_DISHONEST_DEBTOR' ? '连云港市海州区人民法院' : BUREAU,
          documentNo: e.creditListing!.documentNo,
          listedOn: e.creditListing!.listedOn,
        })),
      );
    }
    const debtors = listed.filter((e) => e.creditListing!.listType === 'COURT_DISHONEST_DEBTOR');
    if (debtors.length > 0) {
      await manager.getRepository(DishonestDebtorEntity).insert(
        debtors.map((e) => ({
          uscc: e.uscc,
          subjectName: e.name,
          caseNo: e.creditListing!.documentNo,
          court: '连云港市海州区人民法院',
          obligation: '支付货款及利息',
          performance: 'UNPERFORMED',
          filedOn: addMonths(e.creditListing!.listedOn, -4),
          publishedOn: e.creditListing!.listedOn,
        })),
      );
    }
    const penalties = dataset.flatMap((e) =>
      e.events
        .filter((event) => PENALTY_CATEGORY[event.type])
        .map((event) => ({
          subjectName: e.name,
          uscc: e.uscc,
          legalRepresentative: e.legalRepresentative,
          decisionNo: event.decisionNo,
          violationType: '违反环境保护法律法规',
          facts: '超标排放水污染物',
          legalBasis: '《中华人民共和国水污染防治法》第八十三条',
          penaltyCategory: PENALTY_CATEGORY[event.type],
          content: PENALTY_CATEGORY[event.type],
          fineAmount: event.type === 'FINE' ? '10.000000' : null,
          decidedOn: event.occurredOn,
          validUntil: addMonths(event.occurredOn, 36),
          publicityEndsOn: addMonths(event.occurredOn, 36),
          authority: BUREAU,
          authorityUscc: BUREAU_USCC,
          dataSource: BUREAU,
          dataSourceUscc: BUREAU_USCC,
          remarks: null,
        })),
    );
    for (let i = 0; i < penalties.length; i += 500) {
      await manager.getRepository(PenaltyRecordEntity).insert(penalties.slice(i, i + 500));
    }
  });
}
