import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * Procedure, severity, publicity and repair (DOMAIN.md §11; 发改办财金〔2019〕527号, the NDRC credit-repair
 * measures), through the GraphQL API: what each role is shown and the rows written.
 */
let hub: TestHub;
const ADMIN = { key: 'demo-env-admin' };
const BANK = { key: 'demo-bank', purpose: 'CREDIT_REVIEW' };

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

interface Recorded {
  id: string;
  simpleProcedure: boolean;
  severity: string | null;
  severityReason: string | null;
  publicUntil: string | null;
  points: number;
}

const RECORD = `mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id simpleProcedure severity severityReason publicUntil points } } }`;
const PUBLIC_PENALTIES = `query($u: USCC!, $d: Date) { enterprise(uscc: $u) { publicPenalties(asOf: $d) { decisionNo type decidedOn publicUntil severity } } }`;

async function record(input: Record<string, unknown>) {
  return hub.request<{ recordCreditEvent: { event: Recorded } }>(RECORD, { i: input }, ADMIN);
}

async function publicPenalties(uscc: string, options: { key?: string; purpose?: string } = {}, asOf?: string) {
  const answer = await hub.request<{
    enterprise: {
      publicPenalties: {
        decisionNo: string;
        type: string;
        decidedOn: string;
        publicUntil: string;
        severity: string;
      }[];
    };
  }>(PUBLIC_PENALTIES, { u: uscc, d: asOf }, options);
  expect(answer.errors).toBeUndefined();
  return answer.data!.enterprise.publicPenalties;
}

describe('the catalogue holds each type’s default severity with its basis, and which types may be decided by simple procedure', () => {
  it.each([
    ['WARNING', 'GENERAL', true],
    ['FINE', 'GENERAL', true],
    ['ORDER_TO_CORRECT', 'GENERAL', false],
    ['PRODUCTION_LIMIT', 'GENERAL', false],
    ['SUSPENSION_ORDER', 'SERIOUS', false],
    ['DAILY_CONTINUOUS_PENALTY', 'SERIOUS', false],
    ['ADMIN_DETENTION_TRANSFER', 'SERIOUS', false],
    ['CREDIT_COMMITMENT', null, false],
    ['ENV_AWARD', null, false],
  ])('%s: %s, simple procedure %s', async (code, severity, simple) => {
    const answer = await hub.request<{
      eventTypeCatalog: {
        code: string;
        defaultSeverity: string | null;
        severityBasis: string | null;
        simpleProcedure: boolean;
      }[];
    }>(
      'query($d: Date!) { eventTypeCatalog(asOf: $d, subjectKind: "ENTERPRISE") { code defaultSeverity severityBasis simpleProcedure } }',
      { d: today() },
      BANK,
    );
    expect(answer.errors).toBeUndefined();
    const type = answer.data!.eventTypeCatalog.find((t) => t.code === code)!;
    expect(type).toMatchObject({
      defaultSeverity: severity,
      simpleProcedure: simple,
    });
    if (severity) expect(type.severityBasis).toContain('发改办财金〔2019〕527号');
  });
});

describe('recording a penalty fixes its procedure, severity and publicity', () => {
  const decided = addMonths(today(), -2);
  it.each([
    // input, then what is stored and shown
    [
      { type: 'WARNING' },
      {
        simpleProcedure: false,
        severity: 'GENERAL',
        publicUntil: addMonths(decided, 12),
        published: true,
      },
    ],
    [
      { type: 'FINE', simpleProcedure: true },
      {
        simpleProcedure: true,
        severity: 'GENERAL',
        publicUntil: null,
        published: false,
      },
    ],
    [
      { type: 'WARNING', simpleProcedure: true },
      {
        simpleProcedure: true,
        severity: 'GENERAL',
        publicUntil: null,
        published: false,
      },
    ],
    [
      { type: 'FINE', publicityMonths: 3 },
      {
        severity: 'GENERAL',
        publicUntil: addMonths(decided, 3),
        published: true,
      },
    ],
    [
      { type: 'SUSPENSION_ORDER' },
      {
        severity: 'SERIOUS',
        publicUntil: addMonths(decided, 36),
        published: true,
      },
    ],
    [
      { type: 'CRIMINAL_LIABILITY' },
      {
        severity: 'SERIOUS',
        publicUntil: addMonths(decided, 36),
        published: true,
      },
    ],
    [
      { type: 'SUSPENSION_ORDER', publicityMonths: 12 },
      {
        severity: 'SERIOUS',
        publicUntil: addMonths(decided, 12),
        published: true,
      },
    ],
    [
      { type: 'FINE', severity: 'SERIOUS', severityReason: '造成重大环境污染' },
      {
        severity: 'SERIOUS',
        severityReason: '造成重大环境污染',
        publicUntil: addMonths(decided, 36),
        published: true,
      },
    ],
    [
      {
        type: 'SUSPENSION_ORDER',
        severity: 'GENERAL',
        severityReason: '已按期完成整改',
      },
      {
        severity: 'GENERAL',
        publicUntil: addMonths(decided, 12),
        published: true,
      },
    ],
    [
      { type: 'ENV_AWARD' },
      {
        simpleProcedure: false,
        severity: null,
        publicUntil: null,
        published: false,
      },
    ],
  ] as [
    Record<string, unknown> & { type: string },
    {
      simpleProcedure?: boolean;
      severity: string | null;
      severityReason?: string;
      publicUntil: string | null;
      published: boolean;
    },
  ][])('%o → %o', async (input, expected) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const decisionNo = `连环罚〔公示〕${uscc.slice(-6)}号`;
    const answer = await record({
      uscc,
      occurredOn: decided,
      decisionNo,
      ...input,
    });
    expect(answer.errors).toBeUndefined();
    const { published, ...fields } = expected;
    expect(answer.data!.recordCreditEvent.event).toMatchObject(fields);
    const rows = await hub.sql<{
      simple_procedure: boolean;
      severity: string | null;
      publicity_until: string | null;
    }>('SELECT simple_procedure, severity, publicity_until::text FROM environment.credit_event WHERE uscc = $1', [uscc]);
    expect(rows).toEqual([
      {
        simple_procedure: fields.simpleProcedure ?? false,
        severity: fields.severity,
        publicity_until: fields.publicUntil,
      },
    ]);
    // What the public and a bank are shown: published penalties only, with their severity.
    const shown = published
      ? [
          {
            decisionNo,
            type: input.type,
            decidedOn: decided,
            publicUntil: fields.publicUntil,
            severity: fields.severity,
          },
        ]
      : [];
    expect(await publicPenalties(uscc)).toEqual(shown);
    expect(await publicPenalties(uscc, BANK)).toEqual(shown);
  });

  it.each([
    [
      { type: 'SUSPENSION_ORDER', simpleProcedure: true },
      'SUSPENSION_ORDER cannot be decided by simple procedure (简易程序): only FINE and WARNING may be (《中华人民共和国行政处罚法》第五十一条',
    ],
    [{ type: 'ORDER_TO_CORRECT', simpleProcedure: true }, 'ORDER_TO_CORRECT cannot be decided by simple procedure'],
    [{ type: 'CRIMINAL_LIABILITY', simpleProcedure: true }, 'CRIMINAL_LIABILITY cannot be decided by simple procedure'],
    [{ type: 'ENV_AWARD', simpleProcedure: true }, 'ENV_AWARD cannot be decided by simple procedure'],
    [
      {
        type: 'FINE',
        simpleProcedure: true,
        severity: 'SERIOUS',
        severityReason: '情节严重',
      },
      'a SERIOUS penalty cannot be decided by simple procedure',
    ],
    [{ type: 'FINE', simpleProcedure: true, publicityMonths: 6 }, 'a penalty decided by simple procedure is not published'],
    [{ type: 'FINE', severity: 'SERIOUS' }, "severity SERIOUS differs from the catalogue's default for FINE (GENERAL, "],
    [{ type: 'SUSPENSION_ORDER', severity: 'GENERAL', severityReason: '   ' }, 'severityReason must say why'],
    [{ type: 'ENV_AWARD', severity: 'GENERAL' }, 'severity applies to penalties only'],
    [{ type: 'FINE', publicityMonths: 13 }, 'publicityMonths 13 is outside 3..12 months for a GENERAL penalty (发改办财金〔2019〕527号)'],
    [{ type: 'SUSPENSION_ORDER', publicityMonths: 6 }, 'publicityMonths 6 is outside 12..36 months for a SERIOUS penalty'],
    [
      {
        type: 'FINE',
        severity: 'SERIOUS',
        severityReason: 'x',
        publicityMonths: 40,
      },
      'publicityMonths 40 is outside 12..36 months for a SERIOUS penalty',
    ],
  ])('%o is refused: %s', async (input, message) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const answer = await record({ uscc, occurredOn: decided, ...input });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toContain(message);
    // Nothing half-written: no event, no notice.
    expect(await hub.sql('SELECT id FROM environment.credit_event WHERE uscc = $1', [uscc])).toEqual([]);
    expect(await hub.sql('SELECT number FROM environment.credit_notice WHERE uscc = $1', [uscc])).toEqual([]);
  });
});

describe('repair after the tier’s minimum ends publication and sharing with partners, not scoring', () => {
  const REPAIRS = `query($u: USCC!) { enterprise(uscc: $u) { envCredit { score } envPenaltyDisclosures { event { id } state publicUntil repairableFrom } } }`;

  async function repair(eventId: string, appliedOn = today()) {
    const applied = await hub.request<{ applyCreditRepair: { id: string } }>(
      'mutation($i: ApplyCreditRepairInput!) { applyCreditRepair(input: $i) { id } }',
      { i: { eventId, reason: '已完成整改并作出信用承诺', appliedOn } },
      ADMIN,
    );
    if (applied.errors) return applied;
    return hub.request(
      'mutation($i: ReviewCreditRepairInput!) { reviewCreditRepair(input: $i) { status decidedOn } }',
      {
        i: {
          applicationId: applied.data!.applyCreditRepair.id,
          decision: 'UPHOLD',
          note: '同意修复',
        },
      },
      ADMIN,
    );
  }

  it.each([
    // type, months since the decision, repairable from (months after the decision) or refused
    ['FINE', 4, 3, true],
    ['FINE', 2, 3, false],
    ['SUSPENSION_ORDER', 4, 12, false],
    ['SUSPENSION_ORDER', 13, 12, true],
  ])('%s decided %i months ago: repairable from %i months, granted today %s', async (type, monthsAgo, minMonths, granted) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2023-01-01' });
    const decided = addMonths(today(), -monthsAgo);
    const decisionNo = `连环罚〔修复〕${uscc.slice(-6)}号`;
    const recorded = await record({
      uscc,
      type,
      occurredOn: decided,
      decisionNo,
    });
    expect(recorded.errors).toBeUndefined();
    const eventId = recorded.data!.recordCreditEvent.event.id;
    const before = await hub.request<{
      enterprise: {
        envCredit: { score: number };
        envPenaltyDisclosures: {
          repairableFrom: string;
          publicUntil: string;
        }[];
      };
    }>(REPAIRS, { u: uscc }, ADMIN);
    expect(before.data!.enterprise.envPenaltyDisclosures[0].repairableFrom).toBe(addMonths(decided, minMonths));
    const answer = await repair(eventId);
    if (!granted) {
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0].message).toContain(`may be applied for from ${addMonths(decided, minMonths)} (after ${minMonths} months of publicity of a`);
      expect(await hub.sql('SELECT id FROM environment.credit_repair WHERE event_id = $1', [Number(eventId)])).toEqual([]);
      expect(await publicPenalties(uscc)).toHaveLength(1);
      return;
    }
    expect(answer.errors).toBeUndefined();
    // The publication ends on the repair day: publicUntil is that day for those who keep the record.
    const after = await hub.request<{
      enterprise: {
        envCredit: { score: number };
        envPenaltyDisclosures: { state: string; publicUntil: string }[];
      };
    }>(REPAIRS, { u: uscc }, ADMIN);
    expect(after.data!.enterprise.envPenaltyDisclosures).toEqual([expect.objectContaining({ state: 'REPAIRED', publicUntil: today() })]);
    // The points still count until they expire.
    expect(after.data!.enterprise.envCredit.score).toBe(before.data!.enterprise.envCredit.score);
    const yesterday = addDays(today(), -1);
    // Public and partners: gone today, and gone for every past day they ask about.
    expect(await publicPenalties(uscc)).toEqual([]);
    for (const partner of [BANK, { key: 'demo-public-agency', purpose: 'BIDDING' }, { key: 'demo-utility', purpose: 'BILLING' }]) {
      expect(await publicPenalties(uscc, partner), partner.key).toEqual([]);
      expect(await publicPenalties(uscc, partner, yesterday), partner.key).toEqual([]);
    }
    // The bureau and the credit office keep the whole record: published yesterday, until today.
    for (const keeper of [ADMIN, { key: 'demo-credit-office' }]) {
      expect(await publicPenalties(uscc, keeper, yesterday), keeper.key).toEqual([
        expect.objectContaining({
          decisionNo,
          decidedOn: decided,
          publicUntil: today(),
        }),
      ]);
      expect(await publicPenalties(uscc, keeper), keeper.key).toEqual([]);
    }
    // A bank's credit report leaves it out, as of today and as of yesterday.
    for (const asOf of [undefined, yesterday]) {
      const issued = await hub.request<{
        issueCreditReport: { number: string };
      }>(
        'mutation($u: USCC!, $p: String!, $d: Date) { issueCreditReport(uscc: $u, purpose: $p, asOf: $d) { number } }',
        { u: uscc, p: 'LOAN_APPLICATION', d: asOf },
        { key: 'demo-bank', purpose: 'LOAN_APPLICATION' },
      );
      expect(issued.errors).toBeUndefined();
      const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [
        issued.data!.issueCreditReport.number,
      ]);
      expect((JSON.parse(content) as { penalties: unknown[] }).penalties, String(asOf)).toEqual([]);
    }
  });
});
