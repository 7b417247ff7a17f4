import { describe, expect, it } from 'vitest';
import { CreditColor } from '../../../shared/credit-color';
import { addMonths } from '../../../shared/dates';
import { WorkingDayCalendar } from '../../../shared/working-days';
import { checkEvent, inputDateRefusal, notRatedRefusal, type EventFacts, type EventInput, type EventRefusal, type KnownEvent } from './credit-event';
import { composeNotice } from './credit-notice';
import { ratingOn } from './scoring';

const U = '91320700MA1XXXXX0X';
const TODAY = '2026-03-01';
const BASE = { startScore: 9, maxScore: 12, greenMin: 11, blueMin: 6, yellowMin: 3, redMin: 1, validityOffsetDays: 0, frontRunnerCleanMonths: 24, publicityMinMonths: 6, publicityMaxMonths: 36,
  generalPublicityMinMonths: 6, generalPublicityMaxMonths: 12, seriousPublicityMinMonths: 12, seriousPublicityMaxMonths: 36, entryLimitWorkingDays: 5 };
// Two versions: the objection window grows from 7 to 15 days on 2026-02-15.
const POLICIES = [
  { ...BASE, objectionDays: 7, effectiveFrom: '2020-01-01', effectiveTo: '2026-02-15' },
  { ...BASE, objectionDays: 15, effectiveFrom: '2026-02-15', effectiveTo: null },
];

function eventType(code: string, nameZh: string, fields: Partial<EventFacts['eventTypes'][number]>) {
  return {
    code,
    nameZh,
    defaultPoints: 0,
    minPoints: 0,
    maxPoints: 0,
    validityMonths: 12,
    forcedColor: null,
    oncePerMonths: null,
    publicityMonths: null,
    defaultSeverity: (fields.defaultPoints ?? 0) < 0 ? 'GENERAL' : null,
    severityBasis: null,
    simpleProcedure: false,
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    ...fields,
  };
}

const EVENT_TYPES = [
  eventType('FINE', '行政处罚', { defaultPoints: -3, minPoints: -6, maxPoints: -1, publicityMonths: 12, simpleProcedure: true }),
  eventType('SUSPENSION_ORDER', '责令停产整治', { defaultPoints: -6, minPoints: -6, maxPoints: -6, defaultSeverity: 'SERIOUS', severityBasis: '发改办财金〔2019〕527号' }),
  eventType('ENV_AWARD', '环保表彰', { defaultPoints: 1, minPoints: 1, maxPoints: 2, oncePerMonths: 12 }),
  eventType('CRIMINAL_LIABILITY', '追究刑事责任', { forcedColor: 'BLACK', validityMonths: 36 }),
  // Dropped from the catalogue at the end of 2024: unknown for events after it.
  eventType('OLD_TYPE', '旧事项', { defaultPoints: -1, minPoints: -1, maxPoints: -1, effectiveTo: '2025-01-01' }),
];

const AWARD_BAR = {
  code: 'AWARD_BAR',
  name: '限制评优评先',
  nature: 'PUNISHMENT',
  triggerKind: 'COLOR',
  triggerValues: ['YELLOW', 'RED', 'BLACK'],
  implementingAgency: '市生态环境局',
  legalBasis: '环发〔2013〕150号',
};

/** A stored event of the subject, valid for 12 months from its date. */
function stored(type: string, occurredOn: string, points: number, extra: Partial<KnownEvent> = {}): KnownEvent {
  return { type, occurredOn, points, validFrom: occurredOn, validUntil: addMonths(occurredOn, 12), forcedColor: null, decisionNo: null, voidedAt: null, ...extra };
}

function facts(input: Omit<EventInput, 'uscc'>, overrides: Partial<EventFacts> = {}): EventFacts {
  return {
    input: { uscc: U, ...input },
    asOf: TODAY,
    subject: { subjectKind: 'ENTERPRISE', ratedFrom: '2024-01-01' },
    eventTypes: EVENT_TYPES,
    policies: POLICIES,
    events: [],
    designations: [],
    listings: [],
    // The reward bar reads the catalogue of the event's own date; any other date is a mistake.
    catalogOn: (date) => {
      if (date !== '2026-02-01') throw new Error(`catalogue asked for ${date}`);
      return [AWARD_BAR];
    },
    // No holiday in the calendar: working days are Monday to Friday.
    calendar: new WorkingDayCalendar([]),
    ...overrides,
  };
}

/** The refusal `checkEvent` gives (fails the test when the event is accepted). */
function refused(f: EventFacts): Pick<EventRefusal, 'rule' | 'message'> {
  const check = checkEvent(f);
  if (!check.refusal) throw new Error(`accepted: ${JSON.stringify(check.accepted.event)}`);
  expect(check.refusal.code).toBe('BAD_USER_INPUT');
  return { rule: check.refusal.rule, message: check.refusal.message };
}

function accepted(f: EventFacts) {
  const check = checkEvent(f);
  if (!check.accepted) throw new Error(`refused: ${check.refusal.rule} ${check.refusal.message}`);
  return check.accepted;
}

describe('inputDateRefusal', () => {
  it('refuses future dates and a decision served before it was made', () => {
    expect(inputDateRefusal({ occurredOn: '2026-03-02' }, TODAY)).toEqual({ rule: 'OCCURRED_IN_FUTURE', code: 'BAD_USER_INPUT', message: 'occurredOn 2026-03-02 is in the future (today is 2026-03-01)' });
    expect(inputDateRefusal({ occurredOn: '2026-02-01', servedOn: '2026-01-31' }, TODAY)).toEqual({
      rule: 'SERVED_BEFORE_DECISION',
      code: 'BAD_USER_INPUT',
      message: 'servedOn 2026-01-31 is before the decision (occurredOn 2026-02-01): a notice is served on or after the decision it records',
    });
    expect(inputDateRefusal({ occurredOn: '2026-02-01', servedOn: '2026-03-02' }, TODAY)?.rule).toBe('SERVED_IN_FUTURE');
    expect(inputDateRefusal({ occurredOn: TODAY, servedOn: null }, TODAY)).toBeNull();
    // A decision recorded late is served with its notice on the issue day by default: never refused for it.
    expect(inputDateRefusal({ occurredOn: '2025-06-01', servedOn: null }, TODAY)).toBeNull();
    expect(inputDateRefusal({ occurredOn: '2025-06-01', servedOn: TODAY }, TODAY)).toBeNull();
    expect(notRatedRefusal(U).message).toBe(`${U} is not a rated subject; enrol it with enrollRatedSubject first`);
  });
});

describe('checkEvent', () => {
  it('accepts a penalty with its points, validity and publicity fixed, and the ratings it changes', () => {
    const event = accepted(facts({ type: 'FINE', occurredOn: '2026-02-01', servedOn: '2026-02-20', decisionNo: '  连环罚〔2026〕1号 ', description: '  ' }));
    expect(event.event).toEqual({
      uscc: U,
      type: 'FINE',
      occurredOn: '2026-02-01',
      servedOn: '2026-02-20',
      points: -3,
      validFrom: '2026-02-01',
      validUntil: '2027-02-01',
      forcedColor: null,
      decisionNo: '连环罚〔2026〕1号',
      description: null,
      publicityUntil: '2027-02-01',
      simpleProcedure: false,
      severity: 'GENERAL',
      severityReason: null,
      // Recorded on 1 March, 20 working days after the decision of 1 February.
      entryDelayWorkingDays: 20,
      recordedLate: true,
      voidedAt: null,
      voidReason: null,
    });
    expect(event.eventType.code).toBe('FINE');
    expect(event.ratingBefore).toEqual({ score: 9, color: 'BLUE' });
    expect(event.noticeBefore).toEqual({ score: 9, color: 'BLUE' });
    expect(event.noticeAfter).toEqual({ score: 6, color: 'BLUE' });
    expect(ratingOn(event.basisAfter, TODAY)).toEqual({ score: 6, color: 'BLUE' });
    // The objection window of the policy in force when the decision was served, not when it was made.
    expect(event.objectionDays).toBe(15);
  });

  it('lets a forced colour decide the notice, and publishes nothing that is not a penalty', () => {
    const event = accepted(facts({ type: 'CRIMINAL_LIABILITY', occurredOn: '2026-02-01' }));
    // Served, by default, the day the notice is issued (today): the window of the policy in force then.
    expect(event.event).toMatchObject({ points: 0, forcedColor: 'BLACK', validUntil: '2029-02-01', publicityUntil: null, servedOn: TODAY });
    expect(event.noticeAfter).toEqual({ score: 9, color: 'BLACK' });
    expect(event.objectionDays).toBe(15);
    expect(accepted(facts({ type: 'CRIMINAL_LIABILITY', occurredOn: '2026-02-01', servedOn: '2026-02-01' })).objectionDays).toBe(7);
  });

  it('refuses with the first broken rule, in order: texts, rating start, type, points, policy, publicity', () => {
    const long = 'x'.repeat(2001);
    // A long text is reported before a date before the rating start and an unknown type.
    expect(refused(facts({ type: 'NOPE', occurredOn: '2023-12-31', decisionNo: long }))).toEqual({ rule: 'TEXT_TOO_LONG', message: 'decisionNo is longer than 2000 characters' });
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01', description: long })).message).toBe('description is longer than 2000 characters');
    expect(accepted(facts({ type: 'FINE', occurredOn: '2026-02-01', description: 'y'.repeat(2000) })).event.description).toHaveLength(2000);
    expect(refused(facts({ type: 'NOPE', occurredOn: '2023-12-31' }))).toEqual({ rule: 'BEFORE_RATED', message: `occurredOn 2023-12-31 is before ${U} was rated (2024-01-01)` });
    expect(refused(facts({ type: 'NOPE', occurredOn: '2026-02-01', points: 99 }))).toEqual({
      rule: 'UNKNOWN_TYPE',
      message: 'unknown event type "NOPE" for ENTERPRISE on 2026-02-01; known types: FINE, SUSPENSION_ORDER, ENV_AWARD, CRIMINAL_LIABILITY, OLD_TYPE',
    });
    // A type is known on the dates its catalogue version is in force.
    expect(refused(facts({ type: 'OLD_TYPE', occurredOn: '2025-01-01' })).rule).toBe('UNKNOWN_TYPE');
    expect(accepted(facts({ type: 'OLD_TYPE', occurredOn: '2024-12-31' })).event.points).toBe(-1);
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01', points: -7, publicityMonths: 1 }))).toEqual({
      rule: 'POINTS_OUT_OF_RANGE',
      message: 'points -7 are outside the range -6..-1 allowed for FINE',
    });
    expect(refused(facts({ type: 'FINE', occurredOn: '2024-06-01' }, { policies: [{ ...POLICIES[1], effectiveFrom: '2025-01-01' }] }))).toEqual({
      rule: 'NO_POLICY',
      message: 'no scoring policy for ENTERPRISE is in force on 2024-06-01',
    });
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01', publicityMonths: 3 }))).toEqual({
      rule: 'PUBLICITY_OUT_OF_RANGE',
      message: 'publicityMonths 3 is outside 6..12 months for a GENERAL penalty (发改办财金〔2019〕527号)',
    });
    expect(accepted(facts({ type: 'FINE', occurredOn: '2026-02-01', publicityMonths: 7 })).event.publicityUntil).toBe('2026-09-01');
    expect(refused(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01', publicityMonths: 6 }))).toEqual({
      rule: 'PUBLICITY_NOT_A_PENALTY',
      message: 'publicityMonths applies to penalties only; ENV_AWARD with 1 points is not published',
    });
  });

  it('refuses a decision recorded twice for a type, unless the first was voided', () => {
    const first = stored('FINE', '2025-06-01', -3, { decisionNo: 'D1' });
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01', decisionNo: ' D1 ' }, { events: [first] }))).toEqual({
      rule: 'DUPLICATE_DECISION',
      message: `FINE of decision D1 is already recorded for ${U}`,
    });
    expect(accepted(facts({ type: 'CRIMINAL_LIABILITY', occurredOn: '2026-02-01', decisionNo: 'D1' }, { events: [first] })).event.decisionNo).toBe('D1');
    expect(accepted(facts({ type: 'FINE', occurredOn: '2026-02-01', decisionNo: 'D1' }, { events: [{ ...first, voidedAt: new Date('2025-07-01') }] })).event.points).toBe(-3);
  });

  it('allows a once-per-period type once within the months either side of its date', () => {
    expect(refused(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01' }, { events: [stored('ENV_AWARD', '2025-06-01', 1)] }))).toEqual({
      rule: 'ONCE_PER_PERIOD',
      message: `ENV_AWARD is allowed once per 12 months; ${U} already has one on 2025-06-01`,
    });
    expect(accepted(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01' }, { events: [stored('ENV_AWARD', '2025-02-01', 1)] })).noticeAfter).toEqual({ score: 10, color: 'BLUE' });
  });

  it("bars a reward by the colour on the event's date or a punishment-list entry, never a penalty", () => {
    // Two fines on 2025-12-01: score 3, YELLOW, on the award's date.
    const fines = [stored('FINE', '2025-12-01', -3), stored('FINE', '2025-12-01', -3)];
    expect(refused(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01' }, { events: fines }))).toEqual({
      rule: 'REWARD_BARRED',
      message: `ENV_AWARD is a reward and is refused: on 2026-02-01 ${U} is rated YELLOW, and the catalogue bars YELLOW subjects from rewards by AWARD_BAR (限制评优评先, legal basis: 环发〔2013〕150号)`,
    });
    const listed = [{ listType: 'SERIOUS_DISHONESTY', documentNo: '发改〔2025〕9号', listedOn: '2025-10-01', removedOn: null }];
    expect(refused(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01' }, { listings: listed }))).toEqual({
      rule: 'REWARD_BARRED',
      message: `ENV_AWARD is a reward and is refused: on 2026-02-01 ${U} is on the SERIOUS_DISHONESTY list (严重失信主体名单) since 2025-10-01, document 发改〔2025〕9号; rewards are barred while listed (legal basis: 发改财金〔2016〕1580号)`,
    });
    expect(accepted(facts({ type: 'ENV_AWARD', occurredOn: '2026-02-01' }, { listings: [{ ...listed[0], removedOn: '2026-01-01' }] })).noticeAfter.score).toBe(10);
    // A penalty is never barred, and the catalogue is not asked for it.
    const noCatalogue = () => {
      throw new Error('catalogue asked for a penalty');
    };
    expect(accepted(facts({ type: 'FINE', occurredOn: '2026-02-01' }, { events: fines, listings: listed, catalogOn: noCatalogue })).noticeAfter).toEqual({ score: 0, color: 'BLACK' });
  });

  it('refuses an event without a policy on its validity start, then without a rating today', () => {
    const ending = [{ ...POLICIES[0], effectiveTo: '2026-02-20' }];
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01' }, { policies: [{ ...ending[0], validityOffsetDays: 30 }] }))).toEqual({
      rule: 'NO_POLICY',
      message: 'no scoring policy for ENTERPRISE is in force on 2026-03-03',
    });
    expect(refused(facts({ type: 'FINE', occurredOn: '2026-02-01' }, { policies: ending }))).toEqual({
      rule: 'NO_RATING_TODAY',
      message: `${U} has no rating on 2026-03-01: no scoring policy is in force`,
    });
  });
});

describe('composeNotice', () => {
  it('numbers the notice by its event and states the colours, measures and inspection multiple of the new colour', () => {
    const notice = composeNotice({
      event: { id: 42, uscc: U, decisionNo: null, occurredOn: '2026-02-01', servedOn: '2026-02-03', points: -4, validFrom: '2026-02-01', validUntil: '2027-02-01', publicityUntil: '2027-02-01' },
      eventType: { code: 'FINE', nameZh: '行政处罚' },
      ratingBefore: { score: 9, color: CreditColor.BLUE },
      ratingAfter: { score: 5, color: CreditColor.YELLOW },
      objectionDays: 15,
      subjectName: '连云港某化工有限公司',
      listings: [],
      catalog: [AWARD_BAR, { ...AWARD_BAR, code: 'GREEN_LOAN', name: '绿色信贷优先', nature: 'REWARD', triggerValues: ['GREEN'] }],
      frequencies: [
        { color: 'BLUE', multiplier: '1.00' },
        { color: 'YELLOW', multiplier: '2.50' },
      ],
      bureau: '连云港市生态环境局',
      issuedOn: TODAY,
    });
    expect(notice).toMatchObject({ number: 'ECN-2026-000042', eventId: 42, uscc: U });
    expect(notice.facts).toMatchObject({ colorBefore: 'BLUE', colorAfter: 'YELLOW', scoreAfter: 5, inspectionMultiplier: '2.50', objectionDays: 15, publicUntil: '2027-02-01' });
    expect(notice.facts.measures.map((m) => [m.code, m.trigger])).toEqual([['AWARD_BAR', '信用等级黄色']]);
    expect(notice.text.split('\n')[0]).toBe('环保信用记录告知书（ECN-2026-000042）');
    expect(notice.text).toContain('信用等级：记分前蓝色，记分后黄色（5分）；“双随机”抽查频次为基准频次的2.5倍');
  });
});

describe('procedure, severity and publicity (DOMAIN.md §11)', () => {
  const D = '2026-02-02';
  it.each([
    // input, then the stored procedure, severity and publicity end
    [{ type: 'FINE' }, { simpleProcedure: false, severity: 'GENERAL', severityReason: null, publicityUntil: '2027-02-02' }],
    [{ type: 'FINE', simpleProcedure: true }, { simpleProcedure: true, severity: 'GENERAL', publicityUntil: null }],
    [{ type: 'SUSPENSION_ORDER' }, { simpleProcedure: false, severity: 'SERIOUS', publicityUntil: '2029-02-02' }],
    [{ type: 'SUSPENSION_ORDER', severity: 'GENERAL' as const, severityReason: '情节轻微，已改正' }, { severity: 'GENERAL', severityReason: '情节轻微，已改正', publicityUntil: '2027-02-02' }],
    [{ type: 'FINE', severity: 'SERIOUS' as const, severityReason: '列入严重失信主体名单' }, { severity: 'SERIOUS', publicityUntil: '2029-02-02' }],
    [{ type: 'SUSPENSION_ORDER', publicityMonths: 12 }, { severity: 'SERIOUS', publicityUntil: '2027-02-02' }],
    [{ type: 'ENV_AWARD' }, { simpleProcedure: false, severity: null, publicityUntil: null }],
  ])('%o is stored as %o', (input, expected) => {
    expect(accepted(facts({ occurredOn: D, ...input }, { catalogOn: () => [] })).event).toMatchObject(expected);
  });

  it('makes a penalty that puts the subject on a punishment list SERIOUS by default', () => {
    const listings = [{ listType: 'SERIOUS_DISHONESTY', documentNo: '连环罚〔2026〕7号', listedOn: D, removedOn: null }];
    const listed = accepted(facts({ type: 'FINE', occurredOn: D, decisionNo: '连环罚〔2026〕7号' }, { listings, catalogOn: () => [] })).event;
    expect(listed).toMatchObject({ severity: 'SERIOUS', severityReason: '列入严重失信主体名单（连环罚〔2026〕7号）', publicityUntil: '2029-02-02' });
    expect(accepted(facts({ type: 'FINE', occurredOn: D, decisionNo: '连环罚〔2026〕8号' }, { listings, catalogOn: () => [] })).event.severity).toBe('GENERAL');
    expect(refused(facts({ type: 'FINE', occurredOn: D, decisionNo: '连环罚〔2026〕7号', severity: 'GENERAL' }, { listings, catalogOn: () => [] })).message).toContain(
      `(SERIOUS, it puts ${U} on the SERIOUS_DISHONESTY list (严重失信主体名单)); severityReason must say why`,
    );
  });

  it.each([
    [{ type: 'SUSPENSION_ORDER', simpleProcedure: true }, 'SIMPLE_PROCEDURE_NOT_ALLOWED', 'SUSPENSION_ORDER cannot be decided by simple procedure (简易程序): only FINE may be'],
    [{ type: 'ENV_AWARD', simpleProcedure: true }, 'SIMPLE_PROCEDURE_NOT_ALLOWED', 'ENV_AWARD cannot be decided by simple procedure'],
    [{ type: 'FINE', simpleProcedure: true, severity: 'SERIOUS' as const, severityReason: '严重' }, 'SIMPLE_PROCEDURE_NOT_ALLOWED', 'a SERIOUS penalty cannot be decided by simple procedure'],
    [{ type: 'FINE', simpleProcedure: true, publicityMonths: 6 }, 'PUBLICITY_NOT_PUBLISHED', 'a penalty decided by simple procedure is not published'],
    [{ type: 'FINE', severity: 'SERIOUS' as const }, 'SEVERITY_REASON_REQUIRED', "severity SERIOUS differs from the catalogue's default for FINE (GENERAL); severityReason must say why"],
    [{ type: 'ENV_AWARD', severity: 'GENERAL' as const }, 'SEVERITY_NOT_A_PENALTY', 'severity applies to penalties only'],
    [{ type: 'SUSPENSION_ORDER', publicityMonths: 6 }, 'PUBLICITY_OUT_OF_RANGE', 'publicityMonths 6 is outside 12..36 months for a SERIOUS penalty'],
    [{ type: 'FINE', publicityMonths: 13 }, 'PUBLICITY_OUT_OF_RANGE', 'publicityMonths 13 is outside 6..12 months for a GENERAL penalty'],
  ])('%o is refused (%s)', (input, rule, message) => {
    const refusal = refused(facts({ occurredOn: D, ...input }, { catalogOn: () => [] }));
    expect(refusal.rule).toBe(rule);
    expect(refusal.message).toContain(message);
  });

  it.each([
    // decision day, day known, working days, late (limit 5)
    ['2026-02-23', '2026-02-23', 0, false],
    ['2026-02-23', '2026-03-02', 5, false],
    ['2026-02-23', '2026-03-03', 6, true],
    ['2026-02-27', '2026-03-01', 0, false],
  ])('decided %s, recorded %s: %i working days, late %s', (occurredOn, asOf, delay, late) => {
    expect(accepted(facts({ type: 'FINE', occurredOn }, { asOf, catalogOn: () => [] })).event).toMatchObject({ entryDelayWorkingDays: delay, recordedLate: late });
  });
});
