import { CreateFinance1732400000000 } from './1732400000000-CreateFinance';
import { FinanceRulesVersion1764100000000 } from './1764100000000-FinanceRulesVersion';
import { FinanceAuditOutbox1766100000000 } from './1766100000000-FinanceAuditOutbox';
import { ListPrecedence1796121800000 } from './1796121800000-ListPrecedence';
import { FinanceRulesNotify1796123000000 } from './1796123000000-FinanceRulesNotify';

/** Finance's migrations, oldest first. */
export const financeMigrations = [CreateFinance1732400000000, FinanceRulesVersion1764100000000, FinanceAuditOutbox1766100000000, ListPrecedence1796121800000, FinanceRulesNotify1796123000000];
