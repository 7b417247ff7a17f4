import { addMonths as addMonthsOnce, rememberedDateArithmetic, type IsoDate } from './dates';
import { mulberry32 } from './random';
import { USCC_ALPHABET, withCheckCharacter } from './uscc';

/**
 * The fictional demo city: registrations, rated subjects with events that produce every colour, and
 * some list entries. Deterministic for a given size and reference date, so the README's examples hold.
 * Generated one subject at a time (see `demoEnterprises`), so that a province of a million subjects
 * streams through the seed writers in chunks and is never held in memory at once.
 */
export const DEMO_DISTRICTS = ['320703', '320706', '320707', '320722', '320723', '320724', '320771', '320772'];
const INDUSTRIES = ['C2614', 'C3011', 'D4411', 'C1713', 'C2710', 'N7721', 'C3130', 'C2211'];
const NAME_WORDS = ['海润', '港城', '云台', '花果', '新浦', '东方', '恒瑞', '金海', '蓝湾', '青松', '昌达', '华宇', '瑞丰', '远航', '中泰'];
const NAME_KINDS = ['化工', '建材', '热电', '纺织', '制药', '水务', '钢铁', '造纸'];
/** The dataset's dates are a few hundred distinct ones, asked for millions of times in a province. */
const addMonths = rememberedDateArithmetic(addMonthsOnce);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** The showcase subject used in the README: RED, on the abnormal-operations list, in Haizhou. */
export const DEMO_SHOWCASE_USCC = '91320700MA1Q3K7P2H';

export type DemoProfile = 'GREEN' | 'BLUE' | 'YELLOW' | 'RED' | 'BLACK' | 'UNRATED';

export interface DemoEvent {
  type: string;
  occurredOn: IsoDate;
  decisionNo: string;
}

/** What an implementing agency reported about a measure for the subject (credit office's feedback). */
export interface DemoFeedback {
  measureCode: string;
  outcome: 'APPLIED' | 'NOT_APPLIED' | 'EXEMPTED';
  appliedOn: IsoDate;
  agency: string;
  reportedRole: string;
  businessRef: string | null;
  note: string | null;
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  districtCode: string;
  industryCode: string;
  legalRepresentative: string;
  legalRepresentativeIdNumber: string;
  registeredOn: IsoDate;
  profile: DemoProfile;
  ratedFrom: IsoDate | null;
  events: DemoEvent[];
  marketListing: { listType: string; reason: string; listedOn: IsoDate } | null;
  creditListing: { listType: string; reason: string; listedOn: IsoDate; documentNo: string } | null;
  feedback: DemoFeedback[];
}

export interface DemoDatasetOptions {
  /**
   * Tops every rated subject's record up to this many events with older, expired ones (a province's
   * years of supervision history), and adds implementing agencies' feedback on the measures its
   * colour triggers. 0 (the default) is the demo city exactly as `npm start` seeds it.
   */
  eventsPerSubject?: number;
}

function profileFor(index: number): DemoProfile {
  const slot = index % 20;
  if (slot === 19) return 'UNRATED';
  if (slot < 2) return 'GREEN';
  if (slot < 12) return 'BLUE';
  if (slot < 15) return 'YELLOW';
  if (slot < 17) return 'RED';
  return slot === 17 ? 'BLACK' : 'BLUE';
}

/**
 * Half of the BLACK subjects (criminal liability, serious-dishonesty list). BLACK subjects sit at
 * index 17 mod 20, always odd, so the half is chosen by the block of 20.
 */
function blackHalf(index: number): boolean {
  return Math.floor(index / 20) % 2 === 0;
}

/** Events relative to `today` that put a subject in its profile's colour today. */
function eventsFor(profile: DemoProfile, today: IsoDate, index: number): DemoEvent[] {
  const ago = (months: number) => addMonths(today, -months);
  const decision = (n: number) => `连环罚〔${ago(0).slice(0, 4)}〕${String(index * 10 + n).padStart(5, '0')}号`;
  // Every fifth subject also carries an expired fine, so histories show colours coming back.
  const history: DemoEvent[] = index % 5 === 0 ? [{ type: 'FINE', occurredOn: ago(14), decisionNo: decision(9) }] : [];
  switch (profile) {
    case 'GREEN':
      return [...history, { type: 'ENV_AWARD', occurredOn: ago(3), decisionNo: decision(1) }, { type: 'CREDIT_COMMITMENT', occurredOn: ago(2), decisionNo: decision(2) }];
    case 'BLUE':
      return index % 3 === 0 ? [...history, { type: 'WARNING', occurredOn: ago(1), decisionNo: decision(1) }] : history;
    case 'YELLOW':
      return [...history, { type: 'FINE', occurredOn: ago(2), decisionNo: decision(1) }, { type: 'FINE', occurredOn: ago(1), decisionNo: decision(2) }];
    // RED and BLACK hold for the last 7 months, so the last half-year snapshot (at most 6 months
    // back) has the same colour and the demo shows price surcharges (DOMAIN.md §6).
    case 'RED':
      return [
        ...history,
        { type: 'SUSPENSION_ORDER', occurredOn: ago(8), decisionNo: decision(1) },
        { type: 'WARNING', occurredOn: ago(7), decisionNo: decision(3) },
        { type: 'WARNING', occurredOn: ago(1), decisionNo: decision(2) },
      ];
    case 'BLACK':
      return blackHalf(index)
        ? [...history, { type: 'CRIMINAL_LIABILITY', occurredOn: ago(7), decisionNo: decision(1) }]
        : [...history, { type: 'ADMIN_DETENTION_TRANSFER', occurredOn: ago(7), decisionNo: decision(1) }];
    default:
      return [];
  }
}

/**
 * History types by profile, cycled per subject: GREEN subjects mostly earned bonuses, the others a
 * mix of the catalogue's deductions with an occasional commitment or award.
 */
const HISTORY_TYPES: Record<'GREEN' | 'OTHER', readonly string[]> = {
  GREEN: ['CREDIT_COMMITMENT', 'ENV_AWARD', 'WARNING', 'ENV_AWARD', 'ORDER_TO_CORRECT'],
  OTHER: ['WARNING', 'FINE', 'ORDER_TO_CORRECT', 'CREDIT_COMMITMENT', 'PRODUCTION_LIMIT', 'FINE', 'SEIZURE', 'ENV_AWARD', 'COURT_ENFORCEMENT', 'WARNING', 'DAILY_CONTINUOUS_PENALTY'],
};
/** Months between two history events: more than any history type's validity, so they never stack. */
const HISTORY_SPACING_MONTHS = 13;
/**
 * The newest history event is this many months old: expired (validity at most 12 months) before the
 * last half-year snapshot (at most 6 months back), so neither today's colour nor the price snapshot
 * of the profile changes.
 */
const HISTORY_NEWEST_MONTHS = 19;

/** The first of January early enough for `count` history events before the newest one. */
function historyRatedFrom(today: IsoDate, count: number): IsoDate {
  return `${addMonths(today, -(HISTORY_NEWEST_MONTHS + HISTORY_SPACING_MONTHS * count + 12)).slice(0, 4)}-01-01`;
}

/** `count` expired events, newest first, with decision numbers of their own year and subject. */
function historyFor(profile: DemoProfile, today: IsoDate, index: number, count: number): DemoEvent[] {
  const types = HISTORY_TYPES[profile === 'GREEN' ? 'GREEN' : 'OTHER'];
  const events: DemoEvent[] = [];
  for (let k = 0; k < count; k++) {
    const occurredOn = addMonths(today, -(HISTORY_NEWEST_MONTHS + HISTORY_SPACING_MONTHS * k + (index % 4)));
    events.push({ type: types[(index + k) % types.length], occurredOn, decisionNo: `连环罚〔${occurredOn.slice(0, 4)}〕H${index}-${k}号` });
  }
  return events;
}

/**
 * What implementing agencies reported on the measures a subject's colour triggers: banks on credit,
 * utilities on the sewage-fee surcharge, the bureau on inspections; most applied, some exempted or
 * not applied (with the reason the roll-up shows).
 */
function feedbackFor(profile: DemoProfile, today: IsoDate, index: number): DemoFeedback[] {
  const on = addMonths(today, -(1 + (index % 3)));
  const outcome = index % 17 === 0 ? 'NOT_APPLIED' : index % 13 === 0 ? 'EXEMPTED' : 'APPLIED';
  const report = (measureCode: string, agency: string, reportedRole: string, ref: string): DemoFeedback => ({
    measureCode,
    outcome,
    appliedOn: on,
    agency,
    reportedRole,
    businessRef: `${ref}-${on.slice(0, 4)}-${index}`,
    note: outcome === 'NOT_APPLIED' ? '企业当期无相关业务申请' : outcome === 'EXEMPTED' ? '经审查符合豁免条件' : null,
  });
  switch (profile) {
    case 'GREEN':
      return index % 2 === 0 ? [report('BANK_GREEN_CREDIT', '江苏银行连云港分行', 'BANK', 'LOAN')] : [];
    case 'YELLOW':
      return [report('ENV_MORE_INSPECTIONS', '连云港市生态环境局', 'ENV_ADMIN', 'INSP')];
    case 'RED':
      return [report('BANK_CREDIT_RESTRICTION', '江苏银行连云港分行', 'BANK', 'LOAN'), report('SEWAGE_FEE_SURCHARGE', '连云港市水务集团', 'UTILITY', 'BILL')];
    case 'BLACK':
      return [report('BANK_CREDIT_STOP', '江苏银行连云港分行', 'BANK', 'LOAN'), report('SEWAGE_FEE_SURCHARGE', '连云港市水务集团', 'UTILITY', 'BILL')];
    default:
      return [];
  }
}

/**
 * The dataset, one subject at a time, in the same order and with the same values for any chunking.
 * Codes are drawn at random per district; a code drawn twice is skipped, which keeps the only
 * per-subject state a set of numbers (about 40 bytes a subject, 40 MB for a million).
 */
export function* demoEnterprises(size: number, today: IsoDate, options: DemoDatasetOptions = {}): Generator<DemoEnterprise> {
  const eventsPerSubject = options.eventsPerSubject ?? 0;
  const ratedFrom = eventsPerSubject > 0 ? historyRatedFrom(today, eventsPerSubject) : '2023-01-01';
  const random = mulberry32(20210701);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const alphabet = USCC_ALPHABET.split('');
  // The showcase code's division (320700) is no demo district's, so it cannot be drawn again.
  const seen = new Set<number>();
  let produced = 0;
  for (let index = 0; produced < size; index++) {
    const districtCode = index === 0 ? '320706' : pick(DEMO_DISTRICTS);
    let uscc = DEMO_SHOWCASE_USCC;
    if (index > 0) {
      let org = 'MA';
      let key = DEMO_DISTRICTS.indexOf(districtCode);
      for (let i = 0; i < 7; i++) {
        const character = pick(alphabet);
        org += character;
        key = key * alphabet.length + USCC_ALPHABET.indexOf(character);
      }
      if (seen.has(key)) continue;
      seen.add(key);
      uscc = withCheckCharacter(`91${districtCode}${org}`);
    }
    const profile = index === 0 ? 'RED' : profileFor(index);
    const kind = index % NAME_KINDS.length;
    const birth = `19${60 + Math.floor(random() * 40)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const events = eventsFor(profile, today, index);
    const rated = profile !== 'UNRATED';
    if (rated && events.length < eventsPerSubject) events.push(...historyFor(profile, today, index, eventsPerSubject - events.length));
    produced++;
    yield {
      uscc,
      name: index === 0 ? '连云港示例化工有限公司' : `连云港${pick(NAME_WORDS)}${NAME_KINDS[kind]}有限公司${index}`,
      districtCode,
      industryCode: INDUSTRIES[kind],
      legalRepresentative: `${pick(SURNAMES)}${pick(['伟', '芳', '强', '敏', '磊', '静'])}`,
      legalRepresentativeIdNumber: `${districtCode}${birth}${String(Math.floor(random() * 9000) + 1000)}`,
      registeredOn: `${2005 + (index % 15)}-0${1 + (index % 9)}-15`,
      profile,
      ratedFrom: rated ? ratedFrom : null,
      events,
      marketListing:
        index === 0 || index % 23 === 0
          ? { listType: 'ABNORMAL_OPERATIONS', reason: '未按规定公示年度报告', listedOn: addMonths(today, -5) }
          : null,
      creditListing:
        profile === 'BLACK' && blackHalf(index)
          ? { listType: 'SERIOUS_DISHONESTY', reason: '环境违法被追究刑事责任', listedOn: addMonths(today, -3), documentNo: `连信用〔${today.slice(0, 4)}〕${index}号` }
          : index % 41 === 0
            ? { listType: 'COURT_DISHONEST_DEBTOR', reason: '未履行生效法律文书确定的义务', listedOn: addMonths(today, -6), documentNo: `(${today.slice(0, 4)})苏0706执${index}号` }
            : null,
      feedback: rated && eventsPerSubject > 0 ? feedbackFor(profile, today, index) : [],
    };
  }
}

/** The dataset in chunks of at most `chunkSize` subjects, for writers that stream it. */
export function* demoDatasetChunks(size: number, today: IsoDate, chunkSize: number, options: DemoDatasetOptions = {}): Generator<DemoEnterprise[]> {
  let chunk: DemoEnterprise[] = [];
  for (const enterprise of demoEnterprises(size, today, options)) {
    chunk.push(enterprise);
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
