import type { Principal } from '../../../shared/auth/principal';
import type { SubjectFacts } from '../../../shared/auth/subject-scope';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { ReadSnapshot } from '../../../shared/read-snapshot';
import type { HubApi } from '../../../gateway/hub-api';
import { COLORS } from '../render/labels';

/** Subjects asked per API call: well inside the list and cost limits a partner's batch has. */
const BATCH = 200;

export interface AnnualRow {
  label: string;
  count: number;
  subjects: string[];
}
export interface AnnualFigureData {
  key: string;
  title: string;
  rows: AnnualRow[];
}
/** Timely collection in one district (DOMAIN.md §11): decisions of the year, how many entered late, the median delay. */
export interface DistrictTimelinessData {
  districtCode: string;
  entered: number;
  late: number;
  lateShare: number;
  medianDelayWorkingDays: number;
}
export interface AnnualReportData {
  year: number;
  from: IsoDate;
  to: IsoDate;
  subjectsRated: number;
  figures: AnnualFigureData[];
  timeliness: DistrictTimelinessData[];
  pdfPath: string;
  csvPath: string;
}

/** One subject's answers for the year, as the API gives them. */
export interface AnnualSubjectAnswer {
  uscc: string;
  districtCode: string;
  industryCode: string | null;
  start: { color: string } | null;
  end: { color: string } | null;
  /** The district the subject was in on the first and the last day (DOMAIN.md §11 "Relocation": a move counts from its day). */
  startDistrict: string | null;
  endDistrict: string | null;
  envCreditEvents: { type: string; occurredOn: string; voided: boolean; recordedLate: boolean; entryDelayWorkingDays: number }[] | null;
  envObjections: { filedOn: string; status: string }[] | null;
  envPenaltyDisclosures: { event: { severity: string | null }; repair: { appliedOn: string; status: string; decidedOn: string | null } | null }[] | null;
  envFrontRunnerDesignations: { designatedOn: string; lapsedOn: string | null }[] | null;
  h1: { surchargePerCubicMetre: string } | null;
  h2: { surchargePerCubicMetre: string } | null;
}

/** The per-subject query of the yearly summary (exported: the acceptance test asks the same). */
export const ANNUAL_SUBJECTS_QUERY = `query AnnualSupervisionSubjects($usccs: [USCC!]!, $from: Date!, $to: Date!, $h2: Date!) {
  enterprises(usccs: $usccs) {
    uscc districtCode industryCode
    start: envCredit(asOf: $from) { color }
    end: envCredit(asOf: $to) { color }
    startDistrict: envDistrictOn(asOf: $from)
    endDistrict: envDistrictOn(asOf: $to)
    envCreditEvents { type occurredOn voided recordedLate entryDelayWorkingDays }
    envObjections { filedOn status }
    envPenaltyDisclosures { event { severity } repair { appliedOn status decidedOn } }
    envFrontRunnerDesignations { designatedOn lapsedOn }
    h1: sewageFee(asOf: $from) { surchargePerCubicMetre }
    h2: sewageFee(asOf: $h2) { surchargePerCubicMetre }
  }
}`;

const DRAWS_QUERY = `query AnnualInspectionDraws($from: Date!, $to: Date!) {
  inspectionDraws(from: $from, to: $to) { id selected { uscc color } }
}`;

const ROLLUP_QUERY = `query AnnualFeedbackRollup($from: Date!, $to: Date!) {
  measureFeedbackRollup(from: $from, to: $to) { measure { code } agency subjectsDue dueSubjects subjectsReported reportedSubjects }
}`;

/** The median of `values` (the mean of the two middle ones for an even count); 0 when empty. */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Counts distinct subjects per label (or occurrences, with `occurrences`), labels sorted. */
class Tally {
  private readonly subjects = new Map<string, Set<string>>();
  private readonly counts = new Map<string, number>();

  add(label: string, uscc: string): void {
    let set = this.subjects.get(label);
    if (!set) this.subjects.set(label, (set = new Set()));
    set.add(uscc);
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  rows(occurrences = false): AnnualRow[] {
    return [...this.subjects.keys()].sort().map((label) => ({
      label,
      count: occurrences ? this.counts.get(label)! : this.subjects.get(label)!.size,
      subjects: [...this.subjects.get(label)!].sort(),
    }));
  }
}

/**
 * The yearly summary (总结报告): every figure is a sum over the API's answers for each subject rated
 * on some day of the year, asked as the requester (ENV_ADMIN or CREDIT_OFFICE), so the report says
 * what the hub says subject by subject and names the subjects behind each count. The rated
 * population comes from the bureau's own hub-internal `subjectsColoredBetween` (through SubjectFacts);
 * measures due and implementing agencies' feedback come from `measureFeedbackRollup`, with the subjects
 * behind each count (`dueSubjects`, `reportedSubjects`).
 */
export class AnnualReportService {
  constructor(
    private readonly api: HubApi,
    /** Bound once the gateway runs (the facts are asked through it). */
    private readonly facts: () => SubjectFacts,
  ) {}

  static period(year: number): { from: IsoDate; to: IsoDate; h2: IsoDate } {
    const now = today();
    if (!Number.isInteger(year) || year < 2000 || year > Number(now.slice(0, 4))) throw badInput(`year ${year} must be from 2000 to the current year`);
    const end = `${year}-12-31`;
    return { from: `${year}-01-01`, to: end < now ? end : now, h2: `${year}-07-01` };
  }

  /** The population and each subject's answers (exported for the CSV and the tests). */
  async subjectAnswers(principal: Principal, year: number): Promise<AnnualSubjectAnswer[]> {
    const { from, to, h2 } = AnnualReportService.period(year);
    const rated = [...(await this.facts().coloredBetween(COLORS, from, to, ReadSnapshot.none()))].sort();
    const answers: AnnualSubjectAnswer[] = [];
    for (let i = 0; i < rated.length; i += BATCH) {
      const answer = await this.api.execute<{ enterprises: (AnnualSubjectAnswer | null)[] }>(principal, ANNUAL_SUBJECTS_QUERY, { usccs: rated.slice(i, i + BATCH), from, to, h2 });
      if (answer.errors.length > 0) throw new Error(`the hub API could not answer the yearly summary: ${answer.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
      for (const subject of answer.data?.enterprises ?? []) if (subject) answers.push(subject);
    }
    return answers;
  }

  async build(principal: Principal, year: number): Promise<AnnualReportData> {
    const { from, to, h2 } = AnnualReportService.period(year);
    const subjects = await this.subjectAnswers(principal, year);
    const inYear = (day: string | null | undefined) => !!day && day >= from && day <= to;
    const tallies = {
      rated: new Tally(),
      startDistrict: new Tally(),
      endDistrict: new Tally(),
      startIndustry: new Tally(),
      endIndustry: new Tally(),
      movements: new Tally(),
      events: new Tally(),
      objections: new Tally(),
      repairs: new Tally(),
      surcharges: new Tally(),
      frontRunners: new Tally(),
      timeliness: new Tally(),
    };
    /** Per district, the entry delay of each decision of the year (working days). */
    const delays = new Map<string, number[]>();
    const lateIn = new Map<string, number>();
    for (const s of subjects) {
      const industry = s.industryCode ?? 'UNKNOWN';
      tallies.rated.add('rated', s.uscc);
      if (s.start) {
        tallies.startDistrict.add(`${s.startDistrict ?? s.districtCode}/${s.start.color}`, s.uscc);
        tallies.startIndustry.add(`${industry}/${s.start.color}`, s.uscc);
      }
      if (s.end) {
        tallies.endDistrict.add(`${s.endDistrict ?? s.districtCode}/${s.end.color}`, s.uscc);
        tallies.endIndustry.add(`${industry}/${s.end.color}`, s.uscc);
      }
      tallies.movements.add(`${s.start?.color ?? 'NONE'}→${s.end?.color ?? 'NONE'}`, s.uscc);
      for (const event of s.envCreditEvents ?? []) {
        if (event.voided || !inYear(event.occurredOn)) continue;
        tallies.events.add(event.type, s.uscc);
        // Timely collection (DOMAIN.md §11): each decision of the year, entered late or not, by the subject's district.
        tallies.timeliness.add(`${s.districtCode}/entered`, s.uscc);
        if (event.recordedLate) {
          tallies.timeliness.add(`${s.districtCode}/late`, s.uscc);
          lateIn.set(s.districtCode, (lateIn.get(s.districtCode) ?? 0) + 1);
        }
        delays.set(s.districtCode, [...(delays.get(s.districtCode) ?? []), event.entryDelayWorkingDays]);
      }
      for (const objection of s.envObjections ?? []) {
        if (!inYear(objection.filedOn)) continue;
        tallies.objections.add('filed', s.uscc);
        if (objection.status === 'UPHELD') tallies.objections.add('upheld', s.uscc);
      }
      for (const { event, repair } of s.envPenaltyDisclosures ?? []) {
        if (!repair || !inYear(repair.appliedOn)) continue;
        // By the penalty's publicity tier as well (DOMAIN.md §11): GENERAL or SERIOUS.
        const tier = event.severity ?? 'GENERAL';
        tallies.repairs.add('applied', s.uscc);
        tallies.repairs.add(`applied/${tier}`, s.uscc);
        if (repair.status === 'APPROVED') {
          tallies.repairs.add('approved', s.uscc);
          tallies.repairs.add(`approved/${tier}`, s.uscc);
        }
      }
      if (s.h1 && s.h1.surchargePerCubicMetre !== '0.00') tallies.surcharges.add(`${year}-H1/${s.h1.surchargePerCubicMetre}`, s.uscc);
      if (h2 <= to && s.h2 && s.h2.surchargePerCubicMetre !== '0.00') tallies.surcharges.add(`${year}-H2/${s.h2.surchargePerCubicMetre}`, s.uscc);
      // A designation that a deduction inside its clean window voided from the start never held: not counted.
      for (const { designatedOn, lapsedOn } of s.envFrontRunnerDesignations ?? []) {
        if (lapsedOn !== null && lapsedOn <= designatedOn) continue;
        if (inYear(designatedOn)) tallies.frontRunners.add('designated', s.uscc);
        if (lapsedOn !== null && inYear(lapsedOn)) tallies.frontRunners.add('lapsed', s.uscc);
      }
    }
    const draws = await this.api.execute<{ inspectionDraws: { id: string; selected: { uscc: string; color: string }[] }[] }>(principal, DRAWS_QUERY, { from, to });
    if (draws.errors.length > 0) throw new Error(`the hub API could not list the inspection draws: ${draws.errors.map((e) => e.message).join('; ')}`);
    const inspections = new Tally();
    const drawRows: AnnualRow[] = [{ label: 'draws', count: draws.data?.inspectionDraws.length ?? 0, subjects: [] }];
    for (const draw of draws.data?.inspectionDraws ?? []) for (const subject of draw.selected) inspections.add(`selected/${subject.color}`, subject.uscc);
    const rollup = await this.api.execute<{
      measureFeedbackRollup: { measure: { code: string }; agency: string | null; subjectsDue: number | null; dueSubjects: string[] | null; subjectsReported: number; reportedSubjects: string[] }[];
    }>(principal, ROLLUP_QUERY, { from, to });
    if (rollup.errors.length > 0) throw new Error(`the hub API could not answer the feedback roll-up: ${rollup.errors.map((e) => e.message).join('; ')}`);
    const feedbackRows: AnnualRow[] = [];
    for (const row of rollup.data?.measureFeedbackRollup ?? []) {
      const label = `${row.measure.code}/${row.agency ?? '（无反馈）'}`;
      // Due: the measure's subjects (the same on each of its agencies' rows); the count is the list's length.
      const due = row.dueSubjects ?? [];
      feedbackRows.push({ label: `${label}/due`, count: due.length, subjects: due }, { label: `${label}/reported`, count: row.reportedSubjects.length, subjects: row.reportedSubjects });
    }
    return {
      year,
      from,
      to,
      subjectsRated: subjects.length,
      timeliness: [...delays.keys()].sort().map((districtCode) => {
        const entered = delays.get(districtCode)!.length;
        const late = lateIn.get(districtCode) ?? 0;
        return { districtCode, entered, late, lateShare: late / entered, medianDelayWorkingDays: median(delays.get(districtCode)!) };
      }),
      figures: [
        { key: 'subjectsRated', title: '参评主体', rows: tallies.rated.rows() },
        { key: 'colorsAtStartByDistrict', title: `年初（${from}）各地区颜色分布`, rows: tallies.startDistrict.rows() },
        { key: 'colorsAtEndByDistrict', title: `年末（${to}）各地区颜色分布`, rows: tallies.endDistrict.rows() },
        { key: 'colorsAtStartByIndustry', title: `年初（${from}）各行业颜色分布`, rows: tallies.startIndustry.rows() },
        { key: 'colorsAtEndByIndustry', title: `年末（${to}）各行业颜色分布`, rows: tallies.endIndustry.rows() },
        { key: 'movements', title: '颜色变动（年初→年末）', rows: tallies.movements.rows() },
        { key: 'eventsByType', title: '记分事项（按类型，件）', rows: tallies.events.rows(true) },
        { key: 'objections', title: '异议申请与采纳（件）', rows: tallies.objections.rows(true) },
        { key: 'repairs', title: '信用修复申请与修复（件，含按一般/严重失信分列）', rows: tallies.repairs.rows(true) },
        { key: 'timeliness', title: '处罚决定及时归集（按地区：归集件数、逾期件数）', rows: tallies.timeliness.rows(true) },
        { key: 'inspections', title: '“双随机”抽查（抽取次数、按颜色抽中主体次数）', rows: [...drawRows, ...inspections.rows(true)] },
        { key: 'measureFeedback', title: '联合奖惩措施应实施与反馈（按实施单位）', rows: feedbackRows },
        { key: 'surcharges', title: '差别化水价加价（按半年度、元/立方米）', rows: tallies.surcharges.rows() },
        { key: 'frontRunners', title: '环保领跑者', rows: tallies.frontRunners.rows(true) },
      ],
      pdfPath: `/reports/annual/${year}.pdf`,
      csvPath: `/reports/annual/${year}.csv`,
    };
  }
}
