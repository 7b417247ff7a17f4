import type { DataSource } from 'typeorm';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import { CreditListingEntity } from './entities/credit-listing.entity';

/** Writes the demo list designations (the credit office's own tables only). */
export async function seedCreditDemo(dataSource: DataSource, dataset: DemoEnterprise[]): Promise<void> {
  const listed = dataset.filter((e) => e.creditListing);
  if (listed.length === 0) return;
  await dataSource.getRepository(CreditListingEntity).insert(
    listed.map((e) => ({
      uscc: e.uscc,
      listType: e.creditListing!.listType,
      field: 'ENVIRONMENT',
      reason: e.creditListing!.reason,
      authority: e.creditListing!.listType === 'COURT_DISHONEST_DEBTOR' ? '连云港市海州区人民法院' : '连云港市生态环境局',
      documentNo: e.creditListing!.documentNo,
      listedOn: e.creditListing!.listedOn,
    })),
  );
}
