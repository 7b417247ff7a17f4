import { addMonths, type IsoDate } from './dates';
import { mulberry32 } from './random';
import { USCC_ALPHABET, withCheckCharacter } from './uscc';

/**
 * The fictional demo city: registrations, rated subjects with events that produce every colour, and
 * some list entries. Deterministic for a given size and reference date, so the README's examples hold.
 */
export const DEMO_DISTRICTS = ['320703', '320706', '320707', '320722', '320723', '320724', '320771', '320772'];
const INDUSTRIES = ['C2614', 'C3011', 'D4411', 'C1713', 'C2710', 'N7721', 'C3130', 'C2211'];
const NAME_WORDS = ['海润', '港城', '云台', '花果', '新浦', '东方', '恒瑞', '金海', '蓝湾', '青松', '昌达', '华宇', '瑞丰', '远航', '中泰'];
const NAME_KINDS = ['化工', '建材', '热电', '纺织', '制药', '水务', '钢铁', '造纸'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** The showcase subject used in the README: RED, on the abnormal-operations list, in Haizhou. */
export const DEMO_SHOWCASE_USCC = '91320700MA1Q3K7P2H';

export type DemoProfile = 'GREEN' | 'BLUE' | 'YELLOW' | 'RED' | 'BLACK' | 'UNRATED';

export interface DemoEvent {
  type: string;
  occurredOn: IsoDate;
  decisionNo: string;
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

export function demoDataset(size: number, today: IsoDate): DemoEnterprise[] {
  const random = mulberry32(20210701);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const enterprises: DemoEnterprise[] = [];
  const seen = new Set<string>();
  for (let index = 0; enterprises.length < size; index++) {
    const districtCode = index === 0 ? '320706' : pick(DEMO_DISTRICTS);
    let uscc = DEMO_SHOWCASE_USCC;
    if (index > 0) {
      let org = 'MA';
      for (let i = 0; i < 7; i++) org += pick(USCC_ALPHABET.split(''));
      uscc = withCheckCharacter(`91${districtCode}${org}`);
    }
    if (seen.has(uscc)) continue;
    seen.add(uscc);
    const profile = index === 0 ? 'RED' : profileFor(index);
    const kind = index % NAME_KINDS.length;
    const birth = `19${60 + Math.floor(random() * 40)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    enterprises.push({
      uscc,
      name: index === 0 ? '连云港示例化工有限公司' : `连云港${pick(NAME_WORDS)}${NAME_KINDS[kind]}有限公司${index}`,
      districtCode,
      industryCode: INDUSTRIES[kind],
      legalRepresentative: `${pick(SURNAMES)}${pick(['伟', '芳', '强', '敏', '磊', '静'])}`,
      legalRepresentativeIdNumber: `${districtCode}${birth}${String(Math.floor(random() * 9000) + 1000)}`,
      registeredOn: `${2005 + (index % 15)}-0${1 + (index % 9)}-15`,
      profile,
      ratedFrom: profile === 'UNRATED' ? null : '2023-01-01',
      events: eventsFor(profile, today, index),
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
    });
  }
  return enterprises;
}
