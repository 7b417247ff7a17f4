import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { signedNoticePath } from '../src/subgraphs/environment/services/notice-link';
import {
  AddMarketListingDocument,
  DefineMeasureDocument,
  DesignateCreditListingDocument,
  DesignateFrontRunnerDocument,
  EnvCreditOnDocument,
  RecordEventDocument,
  RemoveCreditListingDocument,
  SupervisorViewDocument,
} from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * Issue 11, parts 3–6 (DOMAIN.md §7, §10): award bars and the one-vote veto, rewards suspended while
 * listed, front-runner eligibility and lapse, and the Chinese credit record notice with its signed link.
 * Expected values are computed from DOMAIN.md's defaults: start 9, GREEN ≥ 11, BLUE 6–10, YELLOW 3–5,
 * RED 1–2, BLACK ≤ 0.
 */
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const MARKET = { key: 'demo-market' };

const RATING_BASIS = '连云港市生态环境信用评价管理办法（试行）; 江苏省企事业单位环境信用评价办法';
const GREEN_REWARDS = ['BANK_GREEN_CREDIT', 'ENV_FEWER_INSPECTIONS', 'GREEN_CHANNEL_APPROVAL', 'SUBSIDY_PRIORITY', 'WEATHER_CONTROL_EXEMPTION'];

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

function recordEvent(uscc: string, type: string, occurredOn: string, decisionNo?: string) {
  return hub.execute(RecordEventDocument, { input: { uscc, type, occurredOn, decisionNo } }, ADMIN);
}

async function record(uscc: string, type: string, occurredOn: string, decisionNo?: string) {
  const response = await recordEvent(uscc, type, occurredOn, decisionNo);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.recordCreditEvent;
}

/** GREEN (9 + 1 + 1 = 11) from 2026-02-10 until the award expires on 2027-01-10. */
async function greenSubject(): Promise<string> {
  const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  await record(uscc, 'ENV_AWARD', '2026-01-10');
  await record(uscc, 'CREDIT_COMMITMENT', '2026-02-10');
  return uscc;
}

async function listCredit(uscc: string, listType: string, listedOn: string): Promise<string> {
  const response = await hub.execute(
    DesignateCreditListingDocument,
    { input: { uscc, listType: listType as never, reason: '环境违法失信', documentNo: `连信办〔2026〕${listType}号`, listedOn } },
    CREDIT_OFFICE,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.designateCreditListing.id;
}

async function eventCount(uscc: string, type: string): Promise<number> {
  const [row] = await hub.sql<{ n: number }>(`SELECT count(*)::int AS n FROM environment.credit_event WHERE uscc = $1 AND type = $2`, [uscc, type]);
  return row.n;
}

async function supervisorView(uscc: string, asOf: string) {
  const response = await hub.execute(SupervisorViewDocument, { uscc, asOf }, ADMIN);
  expect(response.errors).toBeUndefined();
  const enterprise = response.data!.enterprise!;
  return { codes: (enterprise.jointMeasures ?? []).map((m) => m.measure.code).sort(), restriction: enterprise.creditRestriction };
}

async function colorOn(uscc: string, asOf: string) {
  const response = await hub.execute(EnvCreditOnDocument, { uscc, asOf }, ADMIN);
  expect(response.errors).toBeUndefined();
  const credit = response.data!.enterprise!.envCredit!;
  return { color: credit.color, score: credit.score };
}

describe('award bars and the one-vote veto', () => {
  it('refuses an award for a YELLOW subject, naming the colour, the bar and its basis, and writes nothing', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'SUSPENSION_ORDER', '2026-03-01'); // 9 − 6 = 3: YELLOW until 2027-03-01
    const refused = await recordEvent(uscc, 'ENV_AWARD', '2026-06-01');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(
      `ENV_AWARD is a reward and is refused: on 2026-06-01 ${uscc} is rated YELLOW, and the catalogue bars YELLOW subjects from rewards by AWARD_BAR (不得参加环保评优评先, legal basis: ${RATING_BASIS})`,
    );
    expect(await eventCount(uscc, 'ENV_AWARD')).toBe(0);
    expect(await colorOn(uscc, '2026-06-01')).toEqual({ color: 'YELLOW', score: 3 });
  });

  it('refuses an award for a BLACK subject by the award bar and the one-vote veto; it stays BLACK and PROHIBITED', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'ADMIN_DETENTION_TRANSFER', '2026-05-01'); // 9 − 9 = 0: BLACK until 2027-05-01
    const refused = await recordEvent(uscc, 'ENV_AWARD', '2026-06-01');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain(`on 2026-06-01 ${uscc} is rated BLACK`);
    expect(refused.errors![0].message).toContain('AWARD_BAR (不得参加环保评优评先');
    expect(refused.errors![0].message).toContain('ONE_VOTE_VETO (评优评先和项目审批"一票否决"');
    expect(await eventCount(uscc, 'ENV_AWARD')).toBe(0);
    expect(await colorOn(uscc, '2026-07-01')).toEqual({ color: 'BLACK', score: 0 });
    expect((await supervisorView(uscc, '2026-07-01')).restriction).toMatchObject({ level: 'PROHIBITED' });
  });

  it('refuses a reward for a GREEN subject on the serious-dishonesty list, naming the list and its basis', async () => {
    const uscc = await greenSubject();
    await listCredit(uscc, 'SERIOUS_DISHONESTY', '2026-03-01');
    const refused = await recordEvent(uscc, 'ENV_AWARD', '2026-04-01');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(
      `ENV_AWARD is a reward and is refused: on 2026-04-01 ${uscc} is on the SERIOUS_DISHONESTY list (严重失信主体名单) since 2026-03-01, document 连信办〔2026〕SERIOUS_DISHONESTY号; rewards are barred while listed (legal basis: 发改财金〔2016〕1580号)`,
    );
    expect(await eventCount(uscc, 'ENV_AWARD')).toBe(1);
  });

  it("refuses a commitment for a subject on market supervision's serious illegal & dishonest list", async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const listed = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc, listType: 'SERIOUS_ILLEGAL_DISHONEST' as never, reason: '提交虚假材料', documentNo: '连市监严〔2026〕3号', listedOn: '2026-02-01' } },
      MARKET,
    );
    expect(listed.errors).toBeUndefined();
    const refused = await recordEvent(uscc, 'CREDIT_COMMITMENT', '2026-03-01');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain(`${uscc} is on the SERIOUS_ILLEGAL_DISHONEST list (严重违法失信名单) since 2026-02-01, document 连市监严〔2026〕3号`);
    expect(refused.errors![0].message).toContain('国家市场监督管理总局令第44号');
    expect(await eventCount(uscc, 'CREDIT_COMMITMENT')).toBe(0);
  });
});

describe('GREEN rewards while listed', () => {
  it('are suspended while on the serious-dishonesty list and back after its removal', async () => {
    const uscc = await greenSubject();
    const id = await listCredit(uscc, 'SERIOUS_DISHONESTY', '2026-03-01');
    const removed = await hub.execute(RemoveCreditListingDocument, { input: { id, removedOn: '2026-09-01', removalReason: '信用修复' } }, CREDIT_OFFICE);
    expect(removed.errors).toBeUndefined();

    const listed = await supervisorView(uscc, '2026-06-01');
    expect(listed.codes).toEqual([
      'MEMO_BANK_CREDIT',
      'MEMO_BOND_ISSUANCE',
      'MEMO_CONCESSION',
      'MEMO_DEBT_FINANCING',
      'MEMO_GOVERNMENT_PROCUREMENT',
      'MEMO_LAND_SUPPLY',
      'MEMO_PRODUCTION_LICENCE',
      'MEMO_PUBLIC_BIDDING',
    ]);
    expect(listed.restriction).toMatchObject({ level: 'RESTRICTED', greenCreditPriority: false });

    const after = await supervisorView(uscc, '2026-10-01');
    expect(after.codes).toEqual(GREEN_REWARDS);
    expect(after.restriction).toMatchObject({ level: 'NONE', greenCreditPriority: true });
  });

  it('are suspended while on the court dishonest-debtor list, which brings its memorandum measures and RESTRICTED for banks', async () => {
    const uscc = await greenSubject();
    expect((await supervisorView(uscc, '2026-02-20')).codes).toEqual(GREEN_REWARDS);
    await listCredit(uscc, 'COURT_DISHONEST_DEBTOR', '2026-03-01');
    const listed = await supervisorView(uscc, '2026-06-01');
    // DOMAIN.md §10: the list's measures are catalogue rows (发改财金〔2016〕141号), no GREEN reward beside them.
    expect(listed.codes).toEqual(['COURT_DEBTOR_BANK_CREDIT', 'COURT_DEBTOR_BOND_ISSUANCE', 'COURT_DEBTOR_LAND_SUPPLY', 'COURT_DEBTOR_PROCUREMENT']);
    expect(listed.restriction).toMatchObject({ level: 'RESTRICTED', restricted: true, since: '2026-03-01', greenCreditPriority: false });
    expect(listed.restriction!.basis).toEqual([
      'listed COURT_DISHONEST_DEBTOR since 2026-03-01, document 连信办〔2026〕COURT_DISHONEST_DEBTOR号 (关于对失信被执行人实施联合惩戒的合作备忘录 (发改财金〔2016〕141号): 作为融资授信的审慎性参考)',
    ]);
  });

  it('are suspended while on market supervision\'s serious illegal & dishonest list, which banks see as RESTRICTED', async () => {
    const uscc = await greenSubject();
    const listed = await hub.execute(
      AddMarketListingDocument,
      { input: { uscc, listType: 'SERIOUS_ILLEGAL_DISHONEST' as never, reason: '提交虚假材料', documentNo: '连市监严〔2026〕9号', listedOn: '2026-03-01' } },
      MARKET,
    );
    expect(listed.errors).toBeUndefined();
    const view = await supervisorView(uscc, '2026-06-01');
    expect(view.codes).toEqual(['SID_BANK_CREDIT', 'SID_HONOURS', 'SID_PROCUREMENT']);
    expect(view.restriction).toMatchObject({ level: 'RESTRICTED', since: '2026-03-01', greenCreditPriority: false });
    expect(view.restriction!.basis).toEqual([
      'listed SERIOUS_ILLEGAL_DISHONEST since 2026-03-01, document 连市监严〔2026〕9号 (市场监督管理严重违法失信名单管理办法 (国家市场监督管理总局令第44号): 作为融资授信的审慎性参考)',
    ]);
    // A bank sees the prudential reference and no green credit.
    const bank = await hub.execute(SupervisorViewDocument, { uscc, asOf: '2026-06-01' }, { key: 'demo-bank', purpose: 'LOAN_APPLICATION' });
    expect(bank.data!.enterprise!.creditRestriction).toMatchObject({ level: 'RESTRICTED', greenCreditPriority: false });
  });

  it('leave PROHIBITED to the colour: a BLACK subject on a list stays PROHIBITED', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    await record(uscc, 'ADMIN_DETENTION_TRANSFER', '2026-05-01');
    await listCredit(uscc, 'SERIOUS_DISHONESTY', '2026-05-10');
    const view = await supervisorView(uscc, '2026-06-01');
    expect(view.restriction).toMatchObject({ level: 'PROHIBITED', since: '2026-05-01' });
    // Both reasons are named; the colour decides the level.
    expect(view.restriction!.basis).toEqual([
      'environmental credit colour BLACK since 2026-05-01 (关于构建绿色金融体系的指导意见 (银发〔2016〕228号); 江苏省企事业单位环境信用评价办法)',
      'listed SERIOUS_DISHONESTY since 2026-05-10, document 连信办〔2026〕SERIOUS_DISHONESTY号 (关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号): 作为融资授信的审慎性参考)',
    ]);
  });
});

describe('front-runner', () => {
  it('is not eligible after 5 months in the rating scope', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2026-01-01' });
    const refused = await hub.execute(DesignateFrontRunnerDocument, { input: { uscc, decisionNo: '连环领跑〔2026〕1号', designatedOn: '2026-06-01' } }, ADMIN);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(
      `${uscc} cannot be designated front-runner on 2026-06-01: it has been rated since 2026-01-01, and designation needs 24 months in the rating scope (from 2028-01-01)`,
    );
    expect(await colorOn(uscc, '2026-06-01')).toEqual({ color: 'BLUE', score: 9 });
  });

  it('ends with a deduction dated inside its clean window even when recorded after the designation', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2023-01-01' });
    const designated = await hub.execute(DesignateFrontRunnerDocument, { input: { uscc, decisionNo: '连环领跑〔2026〕2号', designatedOn: '2026-03-01' } }, ADMIN);
    expect(designated.errors).toBeUndefined();
    expect(await colorOn(uscc, '2026-04-01')).toEqual({ color: 'GREEN', score: 9 });
    expect((await supervisorView(uscc, '2026-04-01')).restriction).toMatchObject({ greenCreditPriority: true });
    expect(await designationsOf(uscc)).toEqual([{ designatedOn: '2026-03-01', decisionNo: '连环领跑〔2026〕2号', lapsedOn: null }]);

    // A fine decided on 2026-02-01, inside the 24 months before the designation, recorded afterwards:
    // 9 − 3 = 6 from 2026-02-01 to 2026-08-01, and the designation never held.
    await record(uscc, 'FINE', '2026-02-01', '连环罚〔2026〕21号');
    expect(await colorOn(uscc, '2026-04-01')).toEqual({ color: 'BLUE', score: 6 });
    expect(await colorOn(uscc, '2026-09-01')).toEqual({ color: 'BLUE', score: 9 });
    const view = await supervisorView(uscc, '2026-04-01');
    expect(view.restriction).toMatchObject({ level: 'NONE', greenCreditPriority: false });
    expect(view.codes).toEqual([]);
    // The designation stays on record, lapsed from the day the deduction took effect (before its own day).
    expect(await designationsOf(uscc)).toEqual([{ designatedOn: '2026-03-01', decisionNo: '连环领跑〔2026〕2号', lapsedOn: '2026-02-01' }]);
  });
});

async function designationsOf(uscc: string): Promise<unknown> {
  const answer = await hub.request<{ enterprise: { envFrontRunnerDesignations: unknown } }>(
    'query($u: USCC!) { enterprise(uscc: $u) { envFrontRunnerDesignations { designatedOn decisionNo lapsedOn } } }',
    { u: uscc },
    { key: 'demo-env-admin' },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.enterprise.envFrontRunnerDesignations;
}

describe('the credit record notice', () => {
  it('is in Chinese with the subject, bureau, issue date and every measure of the catalogue for RED, cumulative', async () => {
    const name = '连云港绿源化工有限公司';
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01', name });
    await record(uscc, 'SUSPENSION_ORDER', '2026-03-01'); // 3: YELLOW
    // A measure added as data from today on appears in the notices issued from today.
    const defined = await hub.execute(
      DefineMeasureDocument,
      {
        input: {
          code: 'RED_PUBLIC_INTERVIEW',
          name: '约谈企业主要负责人',
          nature: 'PUNISHMENT' as never,
          kind: 'ADMINISTRATIVE' as never,
          triggerKind: 'COLOR' as never,
          triggerValues: ['RED'],
          implementingAgency: '连云港市生态环境局',
          agencyKind: 'ENVIRONMENT',
          legalBasis: '连云港市生态环境约谈办法',
          effectiveFrom: today(),
        },
      },
      CREDIT_OFFICE,
    );
    expect(defined.errors).toBeUndefined();

    const recorded = await record(uscc, 'WARNING', '2026-05-20', '连环罚〔2026〕15号'); // 2: RED
    const { number, text, printUrl } = recorded.notice;
    const line = (label: string) => text.split('\n').find((l) => l.startsWith(`${label}：`));
    const day = today();
    const [year, month, date] = day.split('-').map(Number);

    expect(text.split('\n')[0]).toBe(`环保信用记录告知书（${number}）`);
    expect(line('当事人')).toBe(`当事人：${name}（统一社会信用代码：${uscc}）`);
    expect(line('告知机关')).toBe('告知机关：连云港市生态环境局');
    expect(line('告知日期')).toBe(`告知日期：${year}年${month}月${date}日`);
    expect(line('决定书文号')).toBe('决定书文号：连环罚〔2026〕15号');
    // Recorded late, so served by default on the issue day, with the whole objection window from it (DOMAIN.md §11).
    expect(line('记分事项')).toBe(`记分事项：警告，发生于2026年5月20日，送达于${year}年${month}月${date}日`);
    expect(line('记分及有效期')).toBe('记分及有效期：扣1分，自2026年5月20日起至2026年11月19日止');
    expect(line('信用等级')).toBe('信用等级：记分前黄色，记分后红色（2分）；“双随机”抽查频次为基准频次的3倍');
    expect(line('分值恢复')).toBe('分值恢复：本次记分于2026年11月20日自动恢复，不予提前修复。');
    const deadline = addDays(day, 15).split('-').map(Number);
    expect(line('异议')).toContain(`可自送达之日起15日内（${deadline[0]}年${deadline[1]}月${deadline[2]}日前）向连云港市生态环境局书面提出`);

    const measures = text.split('\n').filter((l) => /^(适用的联合奖惩措施：)?\d+\. /.test(l));
    const red = '信用等级红色';
    // Price measures are conditional on the next deciding day (DOMAIN.md §11): the end of today's half-year.
    const firstHalf = month <= 6;
    const priced = `${red}；附条件适用：自${firstHalf ? `${year}年7月1日` : `${year + 1}年1月1日`}起的半年度，仅当${year}年${firstHalf ? '6月30日' : '12月31日'}（下一个价格决定日）的信用等级仍为红色或黑色时适用；本半年度的价格按${firstHalf ? `${year - 1}年12月31日` : `${year}年6月30日`}的信用等级执行`;
    expect(measures.map((l) => l.replace(/^适用的联合奖惩措施：/, '').replace(/^\d+\. /, '')).sort()).toEqual(
      [
        // YELLOW's, which RED carries too
        `提高"双随机"抽查频次（${red}；实施单位：连云港市生态环境局；依据：${RATING_BASIS}）`,
        `不得参加环保评优评先（${red}；实施单位：连云港市生态环境局；依据：${RATING_BASIS}）`,
        // RED's own
        `暂停生态环境专项资金支持（${red}；实施单位：连云港市财政局；依据：${RATING_BASIS}）`,
        `污水处理费差别化收费（${priced}；实施单位：污水处理费征收单位（供水企业）；依据：江苏省环保信用评价结果差别化价格政策; 连云港市生态环境信用评价管理办法（试行））`,
        `差别化电价（${priced}；实施单位：供电企业；依据：江苏省环保信用评价结果差别化价格政策; 连云港市生态环境信用评价管理办法（试行））`,
        `定期向社会公开（${red}；实施单位：连云港市生态环境局；依据：${RATING_BASIS}）`,
        `银行审慎授信、限制贷款（${red}；实施单位：银行业金融机构；依据：关于构建绿色金融体系的指导意见 (银发〔2016〕228号); 江苏省企事业单位环境信用评价办法）`,
        // added as data
        `约谈企业主要负责人（${red}；实施单位：连云港市生态环境局；依据：连云港市生态环境约谈办法）`,
      ].sort(),
    );
    // No English: every Latin letter left is in the notice number or the code.
    expect(text.replaceAll(number, '').replaceAll(uscc, '')).not.toMatch(/[A-Za-z]/);

    // The signed link opens in a browser without any credential; a forged or expired one does not.
    const base = hub.hub.url.replace('/graphql', '');
    expect(printUrl).toMatch(new RegExp(`^/notices/${number}\\?exp=\\d+&client=key%3A\\d+&role=ENV_ADMIN&sig=[A-Za-z0-9_-]{43}$`));
    const page = await fetch(`${base}${printUrl}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`<td>${name}（统一社会信用代码：${uscc}）</td>`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<html lang="zh-CN">');

    const forged = await fetch(`${base}${printUrl.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'))}`);
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({
      errors: [{ message: `the signature of this link to notice ${number} is not valid; ask the hub for a new printUrl`, extensions: { code: 'FORBIDDEN' } }],
    });
    const other = await record(uscc, 'WARNING', '2026-06-20');
    expect((await fetch(`${base}${printUrl.replace(number, other.notice.number)}`)).status).toBe(403);
    const expired = await fetch(`${base}${signedNoticePath(number, { clientId: new URL(printUrl, base).searchParams.get('client')!, role: 'ENV_ADMIN', districtCode: null }, Date.now() - 2 * 3600_000)}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({
      errors: [{ message: `this link to notice ${number} has expired; ask the hub for a new printUrl`, extensions: { code: 'LINK_EXPIRED' } }],
    });
    // Without a signature the page still needs a credential.
    expect((await fetch(`${base}/notices/${number}`)).status).toBe(403);
  });
});
