import './public.css';
import { COLOR_HEX, COLOR_ZH, el, graphql, type CreditColor } from '../shared/graphql';

/**
 * The public portal (公开公示), after Credit China's presentation: a subject's overview, then one
 * block per source department, each naming its source. No credential is sent: every field shown is
 * one the PUBLIC role may read, and the hub answers for rated subjects only.
 */

interface PublicSubject {
  uscc: string;
  name: string;
  districtCode: string;
  envCredit: { color: CreditColor; ratedOn: string } | null;
}
interface PublicPenalty {
  decisionNo: string | null;
  typeName: string;
  decidedOn: string;
  publicUntil: string;
}

const SUBJECT_FIELDS = 'uscc name districtCode envCredit { color ratedOn }';
const PAGE = 100;

function badge(color: CreditColor | undefined): HTMLElement {
  if (!color) return el('span', { class: 'badge none' }, '未评价');
  return el('span', { class: 'badge', style: `background:${COLOR_HEX[color]}`, 'data-color': color }, COLOR_ZH[color]);
}

function failure(section: HTMLElement, error: unknown): void {
  section.replaceChildren(el('p', { class: 'error' }, `查询失败：${error instanceof Error ? error.message : String(error)}`));
}

const results = document.getElementById('results')!;
const subject = document.getElementById('subject')!;

/** The most hits findEnterprises gives (its `first`, counted among rated subjects only): a full list asks for a narrower text. */
const MOST_HITS = 100;

async function search(text: string): Promise<void> {
  results.replaceChildren(el('p', {}, '查询中…'));
  try {
    const data = await graphql<{ findEnterprises: PublicSubject[] }>(`query Find($text: String!, $first: Int!) { findEnterprises(text: $text, first: $first) { ${SUBJECT_FIELDS} } }`, { text, first: MOST_HITS });
    if (data.findEnterprises.length === 0) {
      results.replaceChildren(el('p', {}, `未找到与“${text}”相符的公示企业。`));
      return;
    }
    const list = el('ul', { class: 'hits' });
    for (const hit of data.findEnterprises) {
      const link = el('a', { href: `#${hit.uscc}`, 'data-uscc': hit.uscc }, hit.name);
      list.append(el('li', {}, link, ' ', el('code', {}, hit.uscc), ' ', badge(hit.envCredit?.color)));
    }
    const count = data.findEnterprises.length;
    const heading = el('h2', {}, count < MOST_HITS ? `查询结果（${count}）` : `查询结果（前 ${MOST_HITS} 家）`);
    const narrower = count < MOST_HITS ? [] : [el('p', { class: 'hint' }, `按统一社会信用代码排列的前 ${MOST_HITS} 家；请输入更完整的名称或代码以缩小范围。`)];
    results.replaceChildren(heading, ...narrower, list);
  } catch (error) {
    failure(results, error);
  }
}

function block(title: string, source: string, ...content: Node[]): HTMLElement {
  return el('article', { class: 'block' }, el('h3', {}, title), ...content, el('p', { class: 'source' }, `数据来源：${source}`));
}

async function show(uscc: string): Promise<void> {
  subject.replaceChildren(el('p', {}, '加载中…'));
  try {
    const data = await graphql<{ enterprise: (PublicSubject & { publicPenalties: PublicPenalty[] | null }) | null }>(
      `query Published($uscc: USCC!) { enterprise(uscc: $uscc) { ${SUBJECT_FIELDS} publicPenalties { decisionNo typeName decidedOn publicUntil } } }`,
      { uscc },
    );
    const found = data.enterprise;
    if (!found) {
      subject.replaceChildren(el('p', {}, `没有统一社会信用代码为 ${uscc} 的公示企业。`));
      return;
    }
    const overview = el(
      'section',
      { class: 'overview' },
      el('h2', {}, found.name),
      el(
        'dl',
        {},
        el('dt', {}, '统一社会信用代码'),
        el('dd', { 'data-field': 'uscc' }, found.uscc),
        el('dt', {}, '行政区划代码'),
        el('dd', { 'data-field': 'districtCode' }, found.districtCode),
        el('dt', {}, '环境信用等级'),
        el('dd', { 'data-field': 'color' }, badge(found.envCredit?.color)),
        el('dt', {}, '评价日期'),
        el('dd', { 'data-field': 'ratedOn' }, found.envCredit?.ratedOn ?? '—'),
      ),
    );
    const penalties = found.publicPenalties ?? [];
    const penaltyTable = penalties.length
      ? el(
          'table',
          { class: 'penalties' },
          el('thead', {}, el('tr', {}, el('th', {}, '决定书文号'), el('th', {}, '处罚类别'), el('th', {}, '决定日期'), el('th', {}, '公示截止'))),
          el('tbody', {}, ...penalties.map((p) => el('tr', { 'data-decision': p.decisionNo ?? '' }, el('td', {}, p.decisionNo ?? '—'), el('td', {}, p.typeName), el('td', {}, p.decidedOn), el('td', {}, p.publicUntil)))),
        )
      : el('p', {}, '公示期内无行政处罚信息。');
    subject.replaceChildren(
      overview,
      block('环境信用评价', '连云港市生态环境局', el('p', {}, '评价结果：', badge(found.envCredit?.color), `\u3000评价日期：${found.envCredit?.ratedOn ?? '—'}`)),
      block('行政处罚', '连云港市生态环境局（公示期内、未经信用修复的处罚）', penaltyTable),
      block('登记信息', '连云港市市场监督管理局', el('p', {}, `企业名称：${found.name}\u3000行政区划代码：${found.districtCode}`)),
    );
  } catch (error) {
    failure(subject, error);
  }
}

// The published list, a page at a time by code.
const tbody = document.querySelector<HTMLTableSectionElement>('#published tbody')!;
const more = document.getElementById('more') as HTMLButtonElement;
let after: string | null = null;

async function publishedPage(cursor: string | null, first: number): Promise<PublicSubject[]> {
  const data = await graphql<{ publishedRatings: PublicSubject[] }>(
    `query Published($first: Int!, $after: USCC) { publishedRatings(first: $first, after: $after) { ${SUBJECT_FIELDS} } }`,
    { first, after: cursor },
  );
  return data.publishedRatings;
}

async function loadMore(): Promise<void> {
  more.disabled = true;
  try {
    const page = await publishedPage(after, PAGE);
    for (const row of page) {
      tbody.append(
        el('tr', { 'data-uscc': row.uscc }, el('td', {}, el('a', { href: `#${row.uscc}` }, row.uscc)), el('td', {}, row.name), el('td', {}, row.districtCode), el('td', {}, badge(row.envCredit?.color)), el('td', {}, row.envCredit?.ratedOn ?? '—')),
      );
    }
    after = page.at(-1)?.uscc ?? after;
    more.hidden = page.length < PAGE;
  } finally {
    more.disabled = false;
  }
}

/**
 * One CSV field (RFC 4180); a leading = + - @ is neutralised so that a spreadsheet never runs it as a
 * formula. By hand: five fixed columns do not justify shipping a CSV library to every visitor.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function download(): Promise<void> {
  const status = document.getElementById('download-status')!;
  const lines = ['统一社会信用代码,企业名称,行政区划代码,信用等级,评价日期'];
  let cursor: string | null = null;
  for (;;) {
    const page = await publishedPage(cursor, 1000);
    for (const row of page) lines.push([row.uscc, row.name, row.districtCode, row.envCredit?.color ?? '', row.envCredit?.ratedOn ?? ''].map(csvField).join(','));
    status.textContent = `${lines.length - 1} 条…`;
    if (page.length < 1000) break;
    cursor = page[page.length - 1].uscc;
  }
  // A byte-order mark so that spreadsheet programs read the Chinese names as UTF-8.
  const blob = new Blob(['\ufeff', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: `environmental-credit-published-${new Date().toISOString().slice(0, 10)}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  status.textContent = `已下载 ${lines.length - 1} 条`;
}

interface PublicInspectionResult {
  uscc: string;
  districtCode: string;
  inspectedOn: string;
  outcome: 'NO_PROBLEM' | 'PROBLEMS_FOUND';
  summary: string;
  publishedOn: string;
}

/** 一公开: the results of the random inspections done in the last 90 days, newest first. */
async function inspectionResults(): Promise<void> {
  const body = document.querySelector('#inspection-results tbody')!;
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  try {
    const data = await graphql<{ publicInspectionResults: PublicInspectionResult[] }>(
      `query InspectionResults($from: Date!, $to: Date!) { publicInspectionResults(from: $from, to: $to) { uscc districtCode inspectedOn outcome summary publishedOn } }`,
      { from, to },
    );
    const rows = [...data.publicInspectionResults].reverse();
    if (!rows.length) body.replaceChildren(el('tr', {}, el('td', { colspan: '6' }, '暂无')));
    for (const row of rows) {
      body.append(
        el(
          'tr',
          { 'data-uscc': row.uscc },
          el('td', {}, el('a', { href: `#${row.uscc}` }, row.uscc)),
          el('td', {}, row.districtCode),
          el('td', {}, row.inspectedOn),
          el('td', {}, row.outcome === 'NO_PROBLEM' ? '未发现问题' : '发现问题'),
          el('td', {}, row.summary),
          el('td', {}, row.publishedOn),
        ),
      );
    }
  } catch (error) {
    failure(document.getElementById('inspections')!, error);
  }
}

document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = (document.getElementById('q') as HTMLInputElement).value.trim();
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(text)) location.hash = text;
  else void search(text);
});
more.addEventListener('click', () => void loadMore());
document.getElementById('download')!.addEventListener('click', () => void download().catch((error: unknown) => failure(document.getElementById('download-status')!, error)));
const route = () => {
  const uscc = decodeURIComponent(location.hash.slice(1));
  if (uscc) void show(uscc);
  else subject.replaceChildren();
};
window.addEventListener('hashchange', route);
route();
void loadMore();
void inspectionResults();
