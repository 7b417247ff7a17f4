import './dashboard.css';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { COLOR_HEX, COLORS, el, graphql, GraphqlFailure, todayIso, type CreditColor } from '../shared/graphql';
import { failureText, type CardFailure } from './failure-text';
import { colorLabel, labels, type Labels, type Language } from './i18n';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The bureau's dashboard, for the DASHBOARD and ENV_ADMIN roles. Every number comes from the hub's
 * GraphQL API under the signed-in key (kept in sessionStorage: gone when the browser session ends);
 * each chart has its numbers in a table beside it, and every count opens the subjects behind it.
 */

const KEY = 'ecocredit.dashboard.apiKey';
const LANGUAGE = 'ecocredit.dashboard.language';
const state = {
  apiKey: sessionStorage.getItem(KEY) ?? '',
  language: (sessionStorage.getItem(LANGUAGE) as Language | null) ?? 'zh',
  asOf: new URLSearchParams(location.search).get('asOf') ?? todayIso(),
};
let t: Labels = labels(state.language);
const charts: echarts.ECharts[] = [];

const ask = <T>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(query, variables, { apiKey: state.apiKey });
const app = document.getElementById('app')!;
const drill = document.getElementById('drill') as HTMLDialogElement;

interface Subject {
  uscc: string;
  name: string;
  districtCode: string;
}

function colorCell(color: CreditColor | null): HTMLElement {
  if (!color) return el('span', { class: 'swatch none' }, t.notRated);
  return el('span', { class: 'swatch', style: `--c:${COLOR_HEX[color]}` }, colorLabel(state.language, color));
}

/** Opens the subjects behind a number; `load` asks the API for them. */
function openDrill(title: string, load: () => Promise<Subject[]>): void {
  const body = el('div', { class: 'drill-body' }, t.loading);
  const close = el('button', { type: 'button', class: 'close' }, t.close);
  close.addEventListener('click', () => drill.close());
  drill.replaceChildren(el('h3', {}, title), body, close);
  drill.showModal();
  load().then(
    (subjects) =>
      body.replaceChildren(
        el('p', { class: 'drill-count' }, `${t.count}: ${subjects.length}`),
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, el('th', {}, t.uscc), el('th', {}, t.name), el('th', {}, t.district))),
          el('tbody', {}, ...subjects.map((s) => el('tr', { 'data-uscc': s.uscc }, el('td', {}, el('code', {}, s.uscc)), el('td', {}, s.name), el('td', {}, s.districtCode)))),
        ),
      ),
    (error: unknown) => body.replaceChildren(el('p', { class: 'error', 'data-code': cardFailure(error)?.code ?? 'UNREACHABLE' }, `${t.failed}: ${failureText(state.language, cardFailure(error))}`)),
  );
}

function countButton(count: number, key: string, onClick: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'count', 'data-k': key }, String(count));
  button.addEventListener('click', onClick);
  return button;
}

function card(id: string, title: string, ...content: Node[]): HTMLElement {
  return el('section', { class: 'card', id }, el('h2', {}, title), ...content);
}

function chartBox(): HTMLElement {
  return el('div', { class: 'chart' });
}

/**
 * Draws a chart once its box is on the page (ECharts measures the box), and redraws it whenever the
 * box changes size (window, phone rotation, layout).
 */
function mountChart(box: HTMLElement, option: echarts.EChartsCoreOption, onBar?: (seriesIndex: number, dataIndex: number) => void): void {
  const start = () => {
    if (!box.isConnected) {
      requestAnimationFrame(start);
      return;
    }
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chart.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true }, ...option });
    if (onBar) chart.on('click', (params) => onBar(params.seriesIndex ?? 0, params.dataIndex));
    new ResizeObserver(() => chart.resize()).observe(box);
    charts.push(chart);
  };
  start();
}

/** The hub's first error of a failed answer; null when it could not be reached or answered no GraphQL. */
function cardFailure(error: unknown): CardFailure | null {
  if (!(error instanceof GraphqlFailure)) return null;
  const first = error.errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
  return code ? { code, message: first.message, extensions: first.extensions } : null;
}

async function section(container: HTMLElement, build: () => Promise<Node[]>): Promise<void> {
  container.append(el('p', { class: 'loading' }, t.loading));
  try {
    const nodes = await build();
    container.querySelector('.loading')?.remove();
    container.append(...nodes);
  } catch (error) {
    container.querySelector('.loading')?.remove();
    if (error instanceof GraphqlFailure && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) signOut();
    // One card's failure is told in the page's language; the other cards load on regardless.
    container.append(el('p', { class: 'error', 'data-code': cardFailure(error)?.code ?? 'UNREACHABLE' }, `${t.failed}: ${failureText(state.language, cardFailure(error))}`));
  }
}

// --- colour distribution by district / industry, with drill-down -------------------------------
async function distribution(groupBy: 'DISTRICT' | 'INDUSTRY'): Promise<Node[]> {
  const data = await ask<{ colorDistribution: { group: string; groupName: string | null; color: CreditColor; count: number }[] }>(
    'query Distribution($asOf: Date, $groupBy: DistributionGroup!) { colorDistribution(asOf: $asOf, groupBy: $groupBy) { group groupName color count } }',
    { asOf: state.asOf, groupBy },
  );
  const groups = [...new Set(data.colorDistribution.map((b) => b.group))].sort();
  const count = (group: string, color: CreditColor) => data.colorDistribution.find((b) => b.group === group && b.color === color)?.count ?? 0;
  const prefix = groupBy.toLowerCase();
  // A group is shown by its name (the division's, the industry's) with its code; the code alone when it has none.
  const names = new Map(data.colorDistribution.map((b) => [b.group, b.groupName]));
  const label = (group: string) => (names.get(group) ? `${names.get(group)} (${group})` : group);
  const open = (group: string, color: CreditColor) =>
    openDrill(`${groupBy === 'DISTRICT' ? t.district : t.industry} ${label(group)} · ${colorLabel(state.language, color)} · ${state.asOf}`, async () => {
      const answer = await ask<{ colorBucketSubjects: Subject[] }>(
        'query Bucket($asOf: Date, $groupBy: DistributionGroup!, $group: String!, $color: CreditColor!) { colorBucketSubjects(asOf: $asOf, groupBy: $groupBy, group: $group, color: $color, first: 1000) { uscc name districtCode } }',
        { asOf: state.asOf, groupBy, group, color },
      );
      return answer.colorBucketSubjects;
    });
  const box = chartBox();
  const table = el(
    'table',
    { class: 'numbers' },
    el('thead', {}, el('tr', {}, el('th', {}, groupBy === 'DISTRICT' ? t.district : t.industry), ...COLORS.map((c) => el('th', {}, colorCell(c))), el('th', {}, t.total))),
    el(
      'tbody',
      {},
      ...groups.map((group) =>
        el(
          'tr',
          {},
          el('th', {}, label(group)),
          ...COLORS.map((color) => el('td', {}, countButton(count(group, color), `${prefix}|${group}|${color}`, () => open(group, color)))),
          el('td', { 'data-k': `${prefix}|${group}|total` }, String(COLORS.reduce((sum, color) => sum + count(group, color), 0))),
        ),
      ),
    ),
  );
  mountChart(
      box,
      {
        xAxis: { type: 'category', data: groups.map((group) => names.get(group) ?? group), axisLabel: { rotate: groups.length > 8 ? 45 : 0 } },
        yAxis: { type: 'value' },
        series: COLORS.map((color) => ({ name: colorLabel(state.language, color), type: 'bar', stack: 'all', color: COLOR_HEX[color], data: groups.map((g) => count(g, color)) })),
      },
      (seriesIndex, dataIndex) => open(groups[dataIndex], COLORS[seriesIndex]),
  );
  return [el('p', { class: 'hint' }, t.clickHint), box, el('details', { open: '' }, el('summary', {}, t.count), table)];
}

// --- monthly trend over 24 months -----------------------------------------------------------------
async function trend(): Promise<Node[]> {
  const data = await ask<{ colorTrend: { on: string; color: CreditColor; count: number }[] }>('query Trend($asOf: Date) { colorTrend(asOf: $asOf, months: 24) { on color count } }', { asOf: state.asOf });
  const days = [...new Set(data.colorTrend.map((p) => p.on))];
  const count = (day: string, color: CreditColor) => data.colorTrend.find((p) => p.on === day && p.color === color)?.count ?? 0;
  const box = chartBox();
  mountChart(box, {
    xAxis: { type: 'category', data: days.map((d) => d.slice(0, 7)) },
    yAxis: { type: 'value' },
    series: COLORS.map((color) => ({ name: colorLabel(state.language, color), type: 'line', color: COLOR_HEX[color], data: days.map((d) => count(d, color)) })),
  });
  const table = el(
    'table',
    { class: 'numbers' },
    el('thead', {}, el('tr', {}, el('th', {}, t.month), ...COLORS.map((c) => el('th', {}, colorCell(c))))),
    el('tbody', {}, ...days.map((day) => el('tr', {}, el('th', {}, day), ...COLORS.map((color) => el('td', { 'data-k': `trend|${day}|${color}` }, String(count(day, color))))))),
  );
  return [box, el('details', {}, el('summary', {}, t.count), table)];
}

// --- colour changes in the last 30 days ------------------------------------------------------------
async function changes(): Promise<Node[]> {
  const data = await ask<{ colorChanges: { enterprise: Subject; districtCode: string; colorBefore: CreditColor | null; colorAfter: CreditColor }[] }>(
    'query Changes($to: Date) { colorChanges(to: $to) { enterprise { uscc name districtCode } districtCode colorBefore colorAfter } }',
    { to: state.asOf },
  );
  const transitions = new Map<string, typeof data.colorChanges>();
  for (const change of data.colorChanges) {
    const key = `${change.colorBefore ?? 'NONE'}>${change.colorAfter}`;
    transitions.set(key, [...(transitions.get(key) ?? []), change]);
  }
  const rows = [...transitions.entries()].sort((a, b) => b[1].length - a[1].length);
  return [
    el('p', { class: 'hint' }, `${t.count}: `, countButton(data.colorChanges.length, 'changes|total', () => openDrill(t.changes, async () => data.colorChanges.map((c) => c.enterprise)))),
    rows.length === 0
      ? el('p', {}, t.none)
      : el(
          'table',
          { class: 'numbers' },
          el('thead', {}, el('tr', {}, el('th', {}, t.from), el('th', {}, t.to), el('th', {}, t.count))),
          el(
            'tbody',
            {},
            ...rows.map(([key, list]) =>
              el(
                'tr',
                {},
                el('td', {}, colorCell(list[0].colorBefore)),
                el('td', {}, colorCell(list[0].colorAfter)),
                el('td', {}, countButton(list.length, `changes|${key}`, () => openDrill(`${t.changes}: ${key}`, async () => list.map((c) => c.enterprise)))),
              ),
            ),
          ),
        ),
  ];
}

// --- joint measures due vs reported, per implementing agency -----------------------------------------
interface RollupRow {
  measure: { code: string; name: string; implementingAgency: string };
  agency: string | null;
  subjectsDue: number | null;
  subjectsReported: number;
}

/**
 * The roll-up has one row per measure and reporting agency, each repeating the measure's subjects due:
 * a measure's due count is taken once, its reports summed over the agencies that reported.
 */
export function perImplementingAgency(rows: readonly RollupRow[]): { agency: string; due: number; reported: number; measures: { code: string; name: string; due: number; reported: number }[] }[] {
  const measures = new Map<string, { code: string; name: string; agency: string; due: number; reported: number }>();
  for (const row of rows) {
    const m = measures.get(row.measure.code) ?? { code: row.measure.code, name: row.measure.name, agency: row.measure.implementingAgency, due: row.subjectsDue ?? 0, reported: 0 };
    m.reported += row.subjectsReported;
    measures.set(row.measure.code, m);
  }
  const agencies = new Map<string, { agency: string; due: number; reported: number; measures: { code: string; name: string; due: number; reported: number }[] }>();
  for (const m of measures.values()) {
    const a = agencies.get(m.agency) ?? { agency: m.agency, due: 0, reported: 0, measures: [] };
    a.due += m.due;
    a.reported += m.reported;
    a.measures.push(m);
    agencies.set(m.agency, a);
  }
  return [...agencies.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}

async function measures(): Promise<Node[]> {
  const from = new Date(Date.parse(state.asOf) - 365 * 86_400_000).toISOString().slice(0, 10);
  const data = await ask<{ measureFeedbackRollup: RollupRow[] }>(
    'query Rollup($from: Date, $to: Date) { measureFeedbackRollup(from: $from, to: $to) { measure { code name implementingAgency } agency subjectsDue subjectsReported } }',
    { from, to: state.asOf },
  );
  const agencies = perImplementingAgency(data.measureFeedbackRollup);
  const box = chartBox();
  box.style.height = `${Math.max(300, agencies.length * 36 + 60)}px`;
  mountChart(box, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', data: agencies.map((a) => a.agency), inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
    xAxis: { type: 'value' },
    series: [
      { name: t.due, type: 'bar', color: '#8a9bb5', data: agencies.map((a) => a.due) },
      { name: t.reported, type: 'bar', color: '#2e9d4f', data: agencies.map((a) => a.reported) },
    ],
  });
  const table = el(
    'table',
    { class: 'numbers' },
    el('thead', {}, el('tr', {}, el('th', {}, t.agency), el('th', {}, t.measure), el('th', {}, t.due), el('th', {}, t.reported))),
    el(
      'tbody',
      {},
      ...agencies.flatMap((a) => [
        el('tr', { class: 'agency' }, el('th', {}, a.agency), el('td', {}), el('td', { 'data-k': `agency|${a.agency}|due` }, String(a.due)), el('td', { 'data-k': `agency|${a.agency}|reported` }, String(a.reported))),
        ...a.measures.map((m) => el('tr', {}, el('td', {}), el('td', {}, `${m.code} ${m.name}`), el('td', { 'data-k': `measure|${m.code}|due` }, String(m.due)), el('td', {}, String(m.reported)))),
      ]),
    ),
  );
  return [box, el('details', {}, el('summary', {}, t.count), table)];
}

// --- last inspection draws -------------------------------------------------------------------------
async function draws(): Promise<Node[]> {
  const data = await ask<{ recentInspectionDraws: { id: string; drawnAt: string; asOf: string; districtCode: string | null; populationSize: number; reproducible: boolean; strata: { color: CreditColor; population: number; selected: number }[] }[] }>(
    'query Draws { recentInspectionDraws(last: 10) { id drawnAt asOf districtCode populationSize reproducible strata { color population selected } } }',
  );
  if (data.recentInspectionDraws.length === 0) return [el('p', {}, t.none)];
  return [
    el(
      'table',
      { class: 'numbers' },
      el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, t.drawnAt), el('th', {}, t.asOf), el('th', {}, t.district), el('th', {}, t.population), ...COLORS.map((c) => el('th', {}, colorCell(c))), el('th', {}, t.reproducible))),
      el(
        'tbody',
        {},
        ...data.recentInspectionDraws.map((d) =>
          el(
            'tr',
            {},
            el('td', {}, d.id),
            el('td', {}, d.drawnAt.slice(0, 16).replace('T', ' ')),
            el('td', {}, d.asOf),
            el('td', {}, d.districtCode ?? '—'),
            el('td', { 'data-k': `draw|${d.id}|population` }, String(d.populationSize)),
            ...COLORS.map((color) => {
              // A colour may have two strata (its listed GREEN subjects are drawn apart, at the base rate): add them up.
              const strata = d.strata.filter((s) => s.color === color);
              const selected = strata.reduce((sum, s) => sum + s.selected, 0);
              const population = strata.reduce((sum, s) => sum + s.population, 0);
              return el('td', { 'data-k': `draw|${d.id}|${color}` }, strata.length ? `${selected}/${population}` : '—');
            }),
            el('td', {}, d.reproducible ? t.yes : t.no),
          ),
        ),
      ),
    ),
  ];
}

// --- half-year surcharges --------------------------------------------------------------------------
/** The half-year that holds `date` and the one before it (`YYYY-H1|H2`); both are priced by a snapshot already taken. */
function halfYears(date: string): string[] {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) > 6 ? [`${year}-H2`, `${year}-H1`] : [`${year}-H1`, `${year - 1}-H2`];
}

/** How many subjects pay a differential surcharge in each half-year: the price list's count (priceSurcharges). */
async function surcharges(): Promise<Node[]> {
  const periods = halfYears(state.asOf);
  const answers = await Promise.all(
    periods.map((period) => ask<{ priceSurcharges: { totalCount: number } }>('query Surcharges($period: String!) { priceSurcharges(period: $period, first: 1) { totalCount } }', { period })),
  );
  return [
    el(
      'table',
      { class: 'numbers' },
      el('thead', {}, el('tr', {}, el('th', {}, t.halfYear), el('th', {}, t.surcharged))),
      el('tbody', {}, ...periods.map((period, i) => el('tr', {}, el('td', {}, period), el('td', { 'data-k': `surcharges|${period}` }, String(answers[i].priceSurcharges.totalCount))))),
    ),
  ];
}

// --- page ------------------------------------------------------------------------------------------
function signOut(): void {
  sessionStorage.removeItem(KEY);
  state.apiKey = '';
  render();
}

function signInForm(): HTMLElement {
  const input = el('input', { name: 'apiKey', type: 'password', autocomplete: 'off', required: '' });
  const form = el('form', { class: 'card sign-in' }, el('h2', {}, t.signInTitle), el('p', {}, t.signInHint), el('label', {}, `${t.apiKey} `, input), ' ', el('button', { type: 'submit' }, t.signIn));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.apiKey = input.value.trim();
    sessionStorage.setItem(KEY, state.apiKey);
    render();
  });
  return form;
}

function header(): HTMLElement {
  const language = el('button', { type: 'button', class: 'link', id: 'language' }, t.language);
  language.addEventListener('click', () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    sessionStorage.setItem(LANGUAGE, state.language);
    render();
  });
  const bar = el('header', { class: 'top' }, el('h1', {}, t.title), language);
  if (state.apiKey) {
    const date = el('input', { type: 'date', id: 'as-of', value: state.asOf, max: todayIso() });
    date.addEventListener('change', () => {
      if (!date.value) return;
      state.asOf = date.value;
      history.replaceState(null, '', `?asOf=${state.asOf}`);
      render();
    });
    const out = el('button', { type: 'button', class: 'link', id: 'sign-out' }, t.signOut);
    out.addEventListener('click', signOut);
    bar.append(el('label', {}, `${t.asOf} `, date), out);
  }
  return bar;
}

function render(): void {
  t = labels(state.language);
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  document.title = t.title;
  for (const chart of charts.splice(0)) chart.dispose();
  if (!state.apiKey) {
    app.replaceChildren(header(), el('main', {}, signInForm()));
    return;
  }
  const cards = {
    district: card('by-district', t.byDistrict),
    industry: card('by-industry', t.byIndustry),
    trend: card('trend', t.trend),
    changes: card('changes', t.changes),
    measures: card('measures', t.measures),
    draws: card('draws', t.draws),
    surcharges: card('surcharges', t.surcharges),
  };
  app.replaceChildren(header(), el('main', { class: 'grid' }, ...Object.values(cards)));
  const loads = [
    section(cards.district, () => distribution('DISTRICT')),
    section(cards.industry, () => distribution('INDUSTRY')),
    section(cards.trend, trend),
    section(cards.changes, changes),
    section(cards.measures, measures),
    section(cards.draws, draws),
    section(cards.surcharges, surcharges),
  ];
  // Marks the page as loaded (for people: nothing; for the browser tests: a stable signal).
  void Promise.all(loads).then(() => app.setAttribute('data-loaded', state.asOf));
}

render();
