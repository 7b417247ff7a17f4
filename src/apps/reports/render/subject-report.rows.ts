import type { SubjectReportContent } from '../services/subject-report.builder';
import { CAUSE_ZH, COLOR_ZH, COMMITMENT_ZH, LIST_ZH, measureReasonZh, NATURE_ZH, REGISTRATION_ZH, REPAIR_ZH, zh, zhDate } from './labels';

const text = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : String(value));

/**
 * A history row's colour (DOMAIN.md §11): the stored half-year snapshot's colour, the one prices used,
 * and the dynamic colour on that day where it differs, each labelled; the dynamic colour alone, labelled,
 * where no snapshot was stored for the day.
 */
function historyColor(point: SubjectReportContent['ratingHistory'][number], color: (code: string | null) => string): string {
  if (!point.snapshotColor) return `${color(point.color)}（动态评价）`;
  const snapshot = `${color(point.snapshotColor)}（半年度评价快照，价格依据）`;
  return point.color === point.snapshotColor ? snapshot : `${snapshot}；当日动态评价：${color(point.color)}`;
}

/**
 * The report's tables as rows of printed text, shared by the HTML and PDF renderings so that both
 * say the same thing. A null section is one the requester's role may not read.
 */
export function subjectRows(content: SubjectReportContent) {
  const s = content.subject;
  const color = (code: string | null) => (code ? zh(COLOR_ZH, code) : '未评价');
  return {
    identity: [
      ['主体名称', s.name],
      ['统一社会信用代码', s.uscc],
      ['所在地区（行政区划代码）', s.districtCode],
      ['登记状态', s.registrationStatus ? zh(REGISTRATION_ZH, s.registrationStatus) : '—'],
      ['行业代码（GB/T 4754）', text(s.industryCode)],
      ['企业类型', text(s.enterpriseType)],
      ['法定代表人', text(s.legalRepresentative)],
      ['成立日期', text(s.registeredOn)],
      ['住所', text(s.address)],
    ],
    history: content.ratingHistory.map((point) => [point.date, historyColor(point, color), text(point.score)]),
    changes: content.colorChanges?.map((c) => [c.on, color(c.colorBefore), color(c.colorAfter), String(c.scoreAfter), zh(CAUSE_ZH, c.cause), text(c.decisionNo)]) ?? null,
    penalties: content.penalties?.map((p) => [text(p.decisionNo), p.typeName, p.decidedOn, text(p.points), p.publicUntil]) ?? null,
    commitments:
      content.commitments?.map((c) => [
        c.signedOn,
        c.runsThrough,
        text(c.decisionNo),
        c.state === 'BROKEN' ? `${COMMITMENT_ZH.BROKEN}（${c.brokenOn ? zhDate(c.brokenOn) : ''} ${c.brokenBy ?? ''}）` : zh(COMMITMENT_ZH, c.state),
      ]) ?? null,
    measures: content.measures?.map((m) => [`${m.name}（${m.code}）`, zh(NATURE_ZH, m.nature), m.implementingAgency, m.legalBasis, measureReasonZh(m.reason), text(m.since)]) ?? null,
    listings: content.listings?.map((l) => [l.department, zh(LIST_ZH, l.listType), l.authority, text(l.documentNo), l.listedOn, text(l.removedOn), l.reason]) ?? null,
    repairs: content.repairs?.map((r) => [text(r.decisionNo), r.type, r.appliedOn, zh(REPAIR_ZH, r.status), text(r.decidedOn)]) ?? null,
  };
}
