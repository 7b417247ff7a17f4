import { CreateCredit1732400000000 } from './1732400000000-CreateCredit';
import { JointMeasures1764000000000 } from './1764000000000-JointMeasures';
import { CreditRulesVersion1764100000000 } from './1764100000000-CreditRulesVersion';
import { CreditAuditOutbox1766100000000 } from './1766100000000-CreditAuditOutbox';
import { PriceMeasures1796121121026 } from './1796121121026-PriceMeasures';
import { CreditChangeOutbox1796121189915 } from './1796121189915-CreditChangeOutbox';
import { ListMeasures1796121800000 } from './1796121800000-ListMeasures';
import { CreditDesignationRecordedOn1796122600000 } from './1796122600000-CreditDesignationRecordedOn';
import { CreditRulesNotify1796123000000 } from './1796123000000-CreditRulesNotify';
import { FeedbackRollupIndex1797100000010 } from './1797100000010-FeedbackRollupIndex';
import { InheritedDesignations1797920000012 } from './1797920000012-InheritedDesignations';
import { ListingResponsiblePersons1797930000002 } from './1797930000002-ListingResponsiblePersons';

/** The credit office's migrations, oldest first. */
export const creditMigrations = [
  CreateCredit1732400000000,
  JointMeasures1764000000000,
  CreditRulesVersion1764100000000,
  CreditAuditOutbox1766100000000,
  PriceMeasures1796121121026,
  CreditChangeOutbox1796121189915,
  ListMeasures1796121800000,
  CreditDesignationRecordedOn1796122600000,
  CreditRulesNotify1796123000000,
  FeedbackRollupIndex1797100000010,
  InheritedDesignations1797920000012,
  ListingResponsiblePersons1797930000002,
];
