import type { HubContext } from '../../shared/context';
import type { DataSource } from 'typeorm';
import { BulkCopyTransaction } from '../../shared/bulk-copy';
import type { DemoEnterprise } from '../../shared/demo-dataset';
import type { DepartmentSeedWriter } from '../../shared/seed-writer';

const REGISTRATION_COLUMNS = [
  'uscc', 'enterprise_type', 'registered_capital', 'address', 'name', 'district_code', 'industry_code',
  'legal_representative', 'legal_representative_id_number', 'registered_on', 'status',
] as const;
const LIST_ENTRY_COLUMNS = ['uscc', 'list_type', 'reason', 'authority', 'document_no', 'listed_on', 'recorded_on'] as const;

/** Writes the demo registrations and market lists (market's own tables only), streamed with COPY. */
export async function openMarketSeed(dataSource: DataSource, by: HubContext): Promise<DepartmentSeedWriter> {
  const copy = await BulkCopyTransaction.open(dataSource, by);
  // Position of a subject in the whole dataset: addresses and capital are numbered by it.
  let position = 0;
  return {
    department: 'market',
    sent: copy.sent,
    async hasData() {
      const [{ found }] = await copy.query<{ found: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM market.registration) OR EXISTS (SELECT 1 FROM market.list_entry) AS found`,
      );
      return found;
    },
    async write(chunk: readonly DemoEnterprise[]) {
      const first = position;
      position += chunk.length;
      await copy.copy(
        'market.registration',
        REGISTRATION_COLUMNS,
        chunk.map((e, offset) => {
          const i = first + offset;
          return [
            e.uscc, '有限责任公司', `${(i % 50) + 1}000000.00`, `江苏省连云港市示例路${i + 1}号`, e.name, e.districtCode, e.industryCode,
            e.legalRepresentative, e.legalRepresentativeIdNumber, e.registeredOn, 'ACTIVE',
          ];
        }),
      );
      const listed = chunk.filter((e) => e.marketListing);
      if (listed.length > 0) {
        await copy.copy(
          'market.list_entry',
          LIST_ENTRY_COLUMNS,
          // The demo city has been running: each entry was learnt the day it took effect.
          listed.map((e) => [e.uscc, e.marketListing!.listType, e.marketListing!.reason, '连云港市市场监督管理局', null, e.marketListing!.listedOn, e.marketListing!.listedOn]),
        );
      }
    },
    ...copy.lifecycle,
  };
}
