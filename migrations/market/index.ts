import { CreateMarket1732400000000 } from './1732400000000-CreateMarket';
import { RegistrationRecord1764000000000 } from './1764000000000-RegistrationRecord';
import { MarketAuditOutbox1766100000000 } from './1766100000000-MarketAuditOutbox';
import { SearchIndexes1796121000000 } from './1796121000000-SearchIndexes';
import { MarketChangeOutbox1796121189915 } from './1796121189915-MarketChangeOutbox';
import { MarketListEntryRecordedOn1796122600000 } from './1796122600000-MarketListEntryRecordedOn';
import { NameBigramIndex1796130100000 } from './1796130100000-NameBigramIndex';
import { Successions1797920000010 } from './1797920000010-Successions';

/** Market supervision's migrations, oldest first. */
export const marketMigrations = [
  CreateMarket1732400000000,
  RegistrationRecord1764000000000,
  MarketAuditOutbox1766100000000,
  SearchIndexes1796121000000,
  MarketChangeOutbox1796121189915,
  MarketListEntryRecordedOn1796122600000,
  NameBigramIndex1796130100000,
  Successions1797920000010,
];
