import { today } from '../dates';
import { feedDate, feedUscc, optional, required, RowRejected } from './feed-values';

/**
 * The 双公示 administrative penalty record (DOMAIN.md §9), as the national format writes it. Two
 * departments read it: the credit office keeps the record, the bureau scores it. Both parse a row
 * here, so that they accept and refuse the same rows.
 */
export const PENALTY_COLUMNS = ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'];

export interface PenaltyDecision {
  subjectName: string;
  uscc: string;
  legalRepresentative: string | null;
  decisionNo: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  penaltyCategory: string;
  content: string;
  /** In 10,000 CNY, a decimal string. */
  fineAmount: string | null;
  decidedOn: string;
  validUntil: string;
  publicityEndsOn: string | null;
  authority: string;
  authorityUscc: string;
  dataSource: string;
  dataSourceUscc: string;
  remarks: string | null;
}

const NONE: readonly string[] = Object.freeze([]);

type Parsed = { decision: PenaltyDecision; overridden: readonly string[] };

/**
 * Rows already parsed, by their values: the credit office's stage and the bureau's both read every
 * row of a batch, and parsing is most of an import's work per row. Only accepted rows are kept (a
 * refused row goes no further than the first stage); entries go with their rows.
 */
const parsedRows = new WeakMap<Record<string, string>, { overrides: ReadonlySet<string>; parsed: Parsed }>();

/**
 * Parses and checks one row; throws RowRejected naming the column and value. `overridden`: codes
 * admitted by the override list. The answer is shared: callers must not change it.
 */
export function penaltyDecision(values: Record<string, string>, overrides: ReadonlySet<string>): Parsed {
  const known = parsedRows.get(values);
  if (known && known.overrides === overrides) return known.parsed;
  const parsed = parseDecision(values, overrides);
  parsedRows.set(values, { overrides, parsed });
  return parsed;
}

function parseDecision(values: Record<string, string>, overrides: ReadonlySet<string>): Parsed {
  const subject = feedUscc(values, 'CF_XDR_SHXYM', overrides);
  const fine = optional(values, 'CF_NR_FK');
  if (fine !== null && !/^\d{1,12}(\.\d{1,6})?$/.test(fine)) throw new RowRejected(`CF_NR_FK "${fine}" is not an amount in 10,000 CNY`);
  const decidedOn = feedDate(values, 'CF_JDRQ')!;
  const now = today();
  if (decidedOn > now) throw new RowRejected(`CF_JDRQ ${decidedOn} is in the future (today is ${now})`);
  const validUntil = feedDate(values, 'CF_YXQ')!;
  if (validUntil < decidedOn) throw new RowRejected(`CF_YXQ ${validUntil} (valid until) is before CF_JDRQ ${decidedOn} (decision date)`);
  const publicityEndsOn = feedDate(values, 'CF_GSJZQ', true);
  if (publicityEndsOn !== null && publicityEndsOn < decidedOn) {
    throw new RowRejected(`CF_GSJZQ ${publicityEndsOn} (publicity end) is before CF_JDRQ ${decidedOn} (decision date)`);
  }
  const authority = feedUscc(values, 'CF_CFJGDM', overrides);
  const source = feedUscc(values, 'CF_SJLYDM', overrides);
  const decision: PenaltyDecision = {
    subjectName: required(values, 'CF_XDR_MC'),
    uscc: subject.uscc,
    legalRepresentative: optional(values, 'CF_FDDB'),
    decisionNo: required(values, 'CF_WSH'),
    violationType: required(values, 'CF_WFXW'),
    facts: required(values, 'CF_SY'),
    legalBasis: required(values, 'CF_YJ'),
    penaltyCategory: required(values, 'CF_CFLB'),
    content: required(values, 'CF_NR'),
    fineAmount: fine,
    decidedOn,
    validUntil,
    publicityEndsOn,
    authority: required(values, 'CF_CFJG'),
    authorityUscc: authority.uscc,
    dataSource: required(values, 'CF_SJLY'),
    dataSourceUscc: source.uscc,
    remarks: optional(values, 'BZ'),
  };
  if (!subject.overridden && !authority.overridden && !source.overridden) return { decision, overridden: NONE };
  const overridden = [subject, authority, source].filter((code) => code.overridden).map((code) => code.uscc);
  return { decision, overridden: [...new Set(overridden)] };
}
