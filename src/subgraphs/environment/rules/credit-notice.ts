import type { CatalogueMeasure } from '../../../shared/auth/subject-scope';
import type { CreditColor } from '../../../shared/credit-color';
import { PUNISHMENT_LISTS, punishmentListingsOn, type ListingFact } from '../../../shared/list-types';
import type { IsoDate } from '../../../shared/dates';
import { addDays } from '../../../shared/dates';
import { halfYearOf } from '../../../shared/half-year';
import type { Rating } from './scoring';

/** A catalogue measure as the notice states it: what, who implements it, on what basis. */
export interface NoticeMeasure {
  code: string;
  name: string;
  implementingAgency: string;
  legalBasis: string;
  /** The colour or list entry that triggers it, in Chinese; for a price measure, with its condition. */
  trigger: string;
  /**
   * A price measure (sewage-fee or electricity surcharge) is conditional (DOMAIN.md §11): it applies
   * from `appliesFrom` (the next half-year) only if the colour on `decidingDay` (the next 30 June or
   * 31 December) still triggers it. Absent for other measures and in notices issued before this rule.
   */
  condition?: PriceCondition | null;
}

/** When a price measure the notice names would start, and what decides it. */
export interface PriceCondition {
  priceKind: string;
  /** The next half-year end on or after the issue day: its colour decides the next half-year's price. */
  decidingDay: IsoDate;
  /** The first day of the half-year it decides. */
  appliesFrom: IsoDate;
  /** The half-year end whose colour decided the price of the issue day's half-year. */
  currentDecidingDay: IsoDate;
  /** The colours that trigger it on the deciding day. */
  colors: string[];
}

/** What a credit record notice states (DOMAIN.md §7, §10). */
export interface NoticeFacts {
  number: string;
  uscc: string;
  /** Registered name (market supervision); null when the code is not registered there. */
  subjectName: string | null;
  /** The ecology & environment bureau that issues the notice. */
  bureau: string;
  issuedOn: IsoDate;
  decisionNo: string | null;
  eventType: string;
  /** The event type's Chinese name. */
  eventName: string;
  occurredOn: IsoDate;
  servedOn: IsoDate;
  points: number;
  validFrom: IsoDate;
  /** Exclusive. */
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
  /** Every catalogue measure the new colour and the subject's list entries trigger on the issue day. */
  measures: NoticeMeasure[];
}

export const COLOR_ZH: Record<CreditColor, string> = { GREEN: '绿色', BLUE: '蓝色', YELLOW: '黄色', RED: '红色', BLACK: '黑色' };

/**
 * The condition of a price measure named in a notice issued on `issuedOn` (DOMAIN.md §11 "Price
 * measures in notices"): prices follow the colour on the last day of each half-year (§6, §10), so a
 * colour reached today starts a surcharge at the next half-year at the earliest, and only if the
 * colour on that half-year's last day still triggers it. The half-year of the issue day is priced
 * by the day before it began, as `sewageFee` and `electricitySurcharge` answer.
 */
export function priceCondition(priceKind: string, colors: readonly string[], issuedOn: IsoDate): PriceCondition {
  const half = halfYearOf(issuedOn);
  return { priceKind, decidingDay: half.end, appliesFrom: addDays(half.end, 1), currentDecidingDay: half.snapshotDay, colors: [...colors] };
}

function priceTrigger(condition: PriceCondition): string {
  const colors = condition.colors.filter((c): c is CreditColor => Object.hasOwn(COLOR_ZH, c)).map((c) => COLOR_ZH[c]);
  return (
    `附条件适用：自${chineseDate(condition.appliesFrom)}起的半年度，仅当${chineseDate(condition.decidingDay)}（下一个价格决定日）的信用等级仍为${colors.join('或')}时适用；` +
    `本半年度的价格按${chineseDate(condition.currentDecidingDay)}的信用等级执行`
  );
}

/**
 * The catalogue measures in force that `color` and the list entries in force on `date` (the issue
 * day) trigger, in catalogue order; rewards are left out while a punishment-list entry is in force
 * (DOMAIN.md §10). Cumulative by the catalogue's own rows: a YELLOW measure lists RED and BLACK among
 * its colours. A price measure is named with its condition (`priceCondition`), never as applying now.
 */
export function noticeMeasures(color: CreditColor, listings: readonly ListingFact[], date: string, catalog: readonly CatalogueMeasure[]): NoticeMeasure[] {
  const inForce = listings.filter((l) => l.listedOn <= date && (l.removedOn === null || date < l.removedOn));
  const suspended = punishmentListingsOn(listings, date).length > 0;
  const measures: NoticeMeasure[] = [];
  for (const m of catalog) {
    if (suspended && m.nature === 'REWARD') continue;
    let trigger: string | null = null;
    let condition: PriceCondition | null = null;
    if (m.triggerKind === 'COLOR' && m.triggerValues.includes(color)) {
      trigger = `信用等级${COLOR_ZH[color]}`;
      if (m.priceKind) {
        condition = priceCondition(m.priceKind, m.triggerValues, date);
        trigger = `${trigger}；${priceTrigger(condition)}`;
      }
    }
    const listing = m.triggerKind === 'LISTING' ? inForce.find((l) => m.triggerValues.includes(l.listType)) : undefined;
    if (listing) trigger = `列入${PUNISHMENT_LISTS[listing.listType]?.nameZh ?? '名单'}（${listing.documentNo ?? '无文号'}）`;
    if (trigger) measures.push({ code: m.code, name: m.name, implementingAgency: m.implementingAgency, legalBasis: m.legalBasis, trigger, ...(condition ? { condition } : {}) });
  }
  return measures;
}

export function noticeNumber(year: string, eventId: number): string {
  return `ECN-${year}-${String(eventId).padStart(6, '0')}`;
}

/**
 * What the notice of a stored event is composed from, all known before it is issued: the event row
 * (its id numbers the notice), its type, the colours it states, and the facts of the issue day.
 */
export interface NoticeSource {
  event: {
    id: number;
    uscc: string;
    decisionNo: string | null;
    occurredOn: IsoDate;
    servedOn: IsoDate;
    points: number;
    validFrom: IsoDate;
    validUntil: IsoDate;
    publicityUntil: IsoDate | null;
  };
  eventType: { code: string; nameZh: string };
  /** The rating the day the event's validity starts, without the event and with it. */
  ratingBefore: Rating | null;
  ratingAfter: Rating;
  objectionDays: number;
  /** Registered name (market supervision), null when unregistered. */
  subjectName: string | null;
  /** The subject's entries on other departments' lists. */
  listings: readonly ListingFact[];
  /** The measure catalogue in force on the issue day. */
  catalog: readonly CatalogueMeasure[];
  /** The inspection frequencies in force on the issue day. */
  frequencies: readonly { color: string; multiplier: string }[];
  bureau: string;
  issuedOn: IsoDate;
}

/** A composed notice, as the credit_notice row stores it. */
export interface ComposedNotice {
  number: string;
  eventId: number;
  uscc: string;
  text: string;
  /** The facts as a plain object (a type literal, not the interface), as the jsonb column stores them. */
  facts: { [K in keyof NoticeFacts]: NoticeFacts[K] };
}

/** The credit record notice (告知书) of a stored event: its number, facts and text. */
export function composeNotice(source: NoticeSource): ComposedNotice {
  const { event, eventType, ratingBefore, ratingAfter, issuedOn } = source;
  const number = noticeNumber(issuedOn.slice(0, 4), event.id);
  const facts: NoticeFacts = {
    number,
    uscc: event.uscc,
    subjectName: source.subjectName,
    bureau: source.bureau,
    issuedOn,
    decisionNo: event.decisionNo,
    eventType: eventType.code,
    eventName: eventType.nameZh,
    occurredOn: event.occurredOn,
    servedOn: event.servedOn,
    points: event.points,
    validFrom: event.validFrom,
    validUntil: event.validUntil,
    colorBefore: ratingBefore?.color ?? null,
    colorAfter: ratingAfter.color,
    scoreAfter: ratingAfter.score,
    objectionDays: source.objectionDays,
    inspectionMultiplier: source.frequencies.find((f) => f.color === ratingAfter.color)?.multiplier ?? null,
    publicUntil: event.publicityUntil,
    measures: noticeMeasures(ratingAfter.color, source.listings, issuedOn, source.catalog),
  };
  return { number, eventId: event.id, uscc: event.uscc, text: composeNoticeText(facts), facts: { ...facts } };
}

/** The last day an objection can be filed. */
export function objectionDeadline(servedOn: IsoDate, objectionDays: number): IsoDate {
  return addDays(servedOn, objectionDays);
}

/** 2025-05-01 → 2025年5月1日, as Chinese official documents write dates. */
export function chineseDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The notice as labelled lines, in the order the bureau serves it; both renderings use them. */
export function noticeLines(facts: NoticeFacts): [label: string, value: string][] {
  const points = `${facts.points > 0 ? '加' : '扣'}${Math.abs(facts.points)}分`;
  const lastDay = addDays(facts.validUntil, -1);
  const before = facts.colorBefore ? COLOR_ZH[facts.colorBefore] : '未评价';
  const inspections = facts.inspectionMultiplier ? `；“双随机”抽查频次为基准频次的${facts.inspectionMultiplier.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}倍` : '';
  const measures = facts.measures.length
    ? facts.measures.map((m, i) => `${i + 1}. ${m.name}（${m.trigger}；实施单位：${m.implementingAgency}；依据：${m.legalBasis}）`).join('\n')
    : '无';
  return [
    ['当事人', `${facts.subjectName ?? '（未登记名称）'}（统一社会信用代码：${facts.uscc}）`],
    ['告知机关', facts.bureau],
    ['告知日期', chineseDate(facts.issuedOn)],
    ['决定书文号', facts.decisionNo ?? '无'],
    ['记分事项', `${facts.eventName}，发生于${chineseDate(facts.occurredOn)}，送达于${chineseDate(facts.servedOn)}`],
    ['记分及有效期', `${points}，自${chineseDate(facts.validFrom)}起至${chineseDate(lastDay)}止`],
    ['信用等级', `记分前${before}，记分后${COLOR_ZH[facts.colorAfter]}（${facts.scoreAfter}分）${inspections}`],
    ['适用的联合奖惩措施', measures],
    ['分值恢复', `本次记分于${chineseDate(facts.validUntil)}自动恢复，不予提前修复。`],
    ['信息公示', facts.publicUntil ? `公示至${chineseDate(facts.publicUntil)}；最短公示期满后可申请信用修复。` : '不予公示。'],
    [
      '异议',
      `如对本告知内容有异议，可自送达之日起${facts.objectionDays}日内（${chineseDate(objectionDeadline(facts.servedOn, facts.objectionDays))}前）向${facts.bureau}书面提出，并说明理由、提供证据。异议审查期间记分继续有效；异议成立的，撤销该记分并重新计算信用等级。`,
    ],
  ];
}

export function noticeTitle(number: string): string {
  return `环保信用记录告知书（${number}）`;
}

/** The notice as plain text. */
export function composeNoticeText(facts: NoticeFacts): string {
  return [noticeTitle(facts.number), ...noticeLines(facts).map(([label, value]) => `${label}：${value}`)].join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The notice as a printable A4 HTML page. Every value is escaped; notices issued before their facts
 * (or before the current facts) were stored are rendered from their text.
 */
export function renderNoticeHtml(number: string, facts: NoticeFacts | null, text: string): string {
  const lines: [string, string][] = facts?.bureau
    ? noticeLines(facts)
    : text
        .split('\n')
        .slice(1)
        .map((line) => {
          const at = line.search(/：|: /);
          return at < 0 ? ['', line] : [line.slice(0, at), line.slice(at + (line[at] === '：' ? 1 : 2))];
        });
  const rows = lines
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value.split('\n').map(escapeHtml).join('<br>')}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(noticeTitle(number))}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Songti SC", serif; margin: 0 auto; max-width: 17cm; }
h1 { font-size: 1.4em; text-align: center; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
th { width: 25%; background: #f2f2f2; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; } th { background: none; } }
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
