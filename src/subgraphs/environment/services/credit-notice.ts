import type { CreditColor } from '../../../shared/credit-color';
import type { IsoDate } from '../../../shared/dates';
import { addDays } from '../../../shared/dates';

/** What a credit record notice states (DOMAIN.md §7). */
export interface NoticeFacts {
  number: string;
  uscc: string;
  decisionNo: string | null;
  eventType: string;
  eventName: string;
  occurredOn: IsoDate;
  points: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  colorBefore: CreditColor | null;
  colorAfter: CreditColor;
  scoreAfter: number;
  objectionDays: number;
}

/** Consequences of each colour under differentiated supervision (DOMAIN.md §4–§5 defaults). */
const COLOR_CONSEQUENCES: Record<CreditColor, string> = {
  GREEN: 'fewer random inspections (0.5× base rate), simplified approval, priority for subsidy funds, green-credit support',
  BLUE: 'routine supervision (1× base rate)',
  YELLOW: 'more random inspections (2× base rate); barred from environmental awards',
  RED: 'random inspections at 3× base rate; suspension of special funds; sewage-fee and electricity surcharges; banks restrict credit; regular publication',
  BLACK: 'random inspections at 4× base rate; higher surcharges; banks stop new credit; no new environmental licences; one-vote veto in awards and approvals',
};

export function noticeNumber(year: string, eventId: number): string {
  return `ECN-${year}-${String(eventId).padStart(6, '0')}`;
}

/** The notice as plain text, in the order the bureau serves it. */
export function composeNoticeText(facts: NoticeFacts): string {
  const objectBy = addDays(facts.occurredOn, facts.objectionDays);
  return [
    `环保信用记录告知书 Environmental credit record notice ${facts.number}`,
    `Subject (USCC): ${facts.uscc}`,
    `Decision number: ${facts.decisionNo ?? '—'}`,
    `Event: ${facts.eventName} (${facts.eventType}) on ${facts.occurredOn}`,
    `Points: ${facts.points > 0 ? '+' : ''}${facts.points}, valid from ${facts.validFrom} until ${facts.validUntil} (exclusive)`,
    `Colour before: ${facts.colorBefore ?? 'not rated'}; colour after: ${facts.colorAfter} (score ${facts.scoreAfter})`,
    `Measures the colour ${facts.colorAfter} triggers: ${COLOR_CONSEQUENCES[facts.colorAfter]}; joint measures per the credit office's measure catalogue.`,
    `The points return automatically on ${facts.validUntil}; there is no early repair of points.`,
    `Objection (异议): within ${facts.objectionDays} days of service (by ${objectBy}), in writing to the issuing ecology & environment bureau, stating the grounds and evidence. The event counts while the objection is reviewed; if upheld it is voided and the rating recomputed.`,
  ].join('\n');
}
