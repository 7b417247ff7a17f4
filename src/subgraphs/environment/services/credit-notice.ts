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
  servedOn: IsoDate;
  points: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** The colour the day the event's validity starts, without it and with it. */
  colorBefore: CreditColor | null;
  colorAfter: CreditColor;
  scoreAfter: number;
  objectionDays: number;
  /** Random-inspection multiple of the base rate the new colour carries (inspection policy in force). */
  inspectionMultiplier: string | null;
  /** Last day the penalty is published, when it is. */
  publicUntil: IsoDate | null;
}

/** Consequences of each colour under differentiated supervision and joint measures (DOMAIN.md §4–§5 defaults). */
const COLOR_CONSEQUENCES: Record<CreditColor, string> = {
  GREEN: 'fewer random inspections, simplified approval (green channel), priority for subsidy funds, weather control-measure exemption, green-credit support',
  BLUE: 'routine supervision',
  YELLOW: 'more random inspections; barred from environmental awards',
  RED: 'more random inspections; suspension of ecological-environment special funds; sewage-fee and electricity surcharges; banks restrict credit; regular publication',
  BLACK: 'more random inspections; higher surcharges; banks stop new credit; no new environmental administrative licences; one-vote veto in awards and approvals',
};

export function noticeNumber(year: string, eventId: number): string {
  return `ECN-${year}-${String(eventId).padStart(6, '0')}`;
}

/** The last day an objection can be filed. */
export function objectionDeadline(servedOn: IsoDate, objectionDays: number): IsoDate {
  return addDays(servedOn, objectionDays);
}

/** The notice as labelled lines, in the order the bureau serves it; both renderings use them. */
export function noticeLines(facts: NoticeFacts): [label: string, value: string][] {
  const inspections = facts.inspectionMultiplier ? `random inspections at ${facts.inspectionMultiplier}× the base rate; ` : '';
  return [
    ['Subject (USCC)', facts.uscc],
    ['Decision number', facts.decisionNo ?? '—'],
    ['Event', `${facts.eventName} (${facts.eventType}) on ${facts.occurredOn}, served on ${facts.servedOn}`],
    ['Points', `${facts.points > 0 ? '+' : ''}${facts.points}, valid from ${facts.validFrom} until ${facts.validUntil} (exclusive)`],
    [`Colour on ${facts.validFrom}`, `before: ${facts.colorBefore ?? 'not rated'}; after: ${facts.colorAfter} (score ${facts.scoreAfter})`],
    ['Measures', `the colour ${facts.colorAfter} triggers ${inspections}${COLOR_CONSEQUENCES[facts.colorAfter]}; joint measures per the credit office's measure catalogue.`],
    ['Points return', `automatically on ${facts.validUntil}; there is no early repair of points.`],
    ['Publicity', facts.publicUntil ? `published until ${facts.publicUntil}; credit repair may be applied for after the minimum publicity period.` : 'not published.'],
    [
      'Objection (异议)',
      `within ${facts.objectionDays} days of service (by ${objectionDeadline(facts.servedOn, facts.objectionDays)}), in writing to the issuing ecology & environment bureau, stating the grounds and evidence. The event counts while the objection is reviewed; if upheld it is voided and the rating recomputed.`,
    ],
  ];
}

export function noticeTitle(number: string): string {
  return `环保信用记录告知书 Environmental credit record notice ${number}`;
}

/** The notice as plain text. */
export function composeNoticeText(facts: NoticeFacts): string {
  return [noticeTitle(facts.number), ...noticeLines(facts).map(([label, value]) => `${label}: ${value}`)].join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The notice as a printable HTML page. Every value is escaped; notices issued before facts were
 * stored are rendered from their text.
 */
export function renderNoticeHtml(number: string, facts: NoticeFacts | null, text: string): string {
  const lines: [string, string][] = facts
    ? noticeLines(facts)
    : text
        .split('\n')
        .slice(1)
        .map((line) => {
          const at = line.indexOf(': ');
          return at < 0 ? ['', line] : [line.slice(0, at), line.slice(at + 2)];
        });
  const rows = lines.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(noticeTitle(number))}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Songti SC", serif; margin: 2cm; }
h1 { font-size: 1.4em; text-align: center; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
th { width: 25%; background: #f2f2f2; }
@media print { body { margin: 1cm; } }
</style>
</head>
<body>
<h1>${escapeHtml(noticeTitle(number))}</h1>
<table>
${rows}
</table>
</body>
</html>
`;
}
