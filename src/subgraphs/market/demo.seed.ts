import type { DataSource } from 'typeorm';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import { MarketListingEntity } from './entities/market-listing.entity';
import { RegistrationEntity } from './entities/registration.entity';

/** Writes the demo registrations and market lists (market's own tables only). */
export async function seedMarketDemo(dataSource: DataSource, dataset: DemoEnterprise[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(RegistrationEntity).insert(
      dataset.map((e, i) => ({
        uscc: e.uscc,
        enterpriseType: '有限责任公司',
        registeredCapital: `${(i % 50) + 1}000000.00`,
        address: `江苏省连云港市示例路${i + 1}号`,
        name: e.name,
        districtCode: e.districtCode,
        industryCode: e.industryCode,
        legalRepresentative: e.legalRepresentative,
        legalRepresentativeIdNumber: e.legalRepresentativeIdNumber,
        registeredOn: e.registeredOn,
        status: 'ACTIVE',
      })),
    );
    const listings = dataset.filter((e) => e.marketListing);
    if (listings.length > 0) {
      await manager.getRepository(MarketListingEntity).insert(
        listings.map((e) => ({
          uscc: e.uscc,
          listType: e.marketListing!.listType,
          reason: e.marketListing!.reason,
          authority: '连云港市市场监督管理局',
          documentNo: null,
          listedOn: e.marketListing!.listedOn,
        })),
      );
    }
  });
}
