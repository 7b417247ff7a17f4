import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV_CAST } from '../../../shared/csv-cells';
import type { AnnualReportData } from '../services/annual-report.service';
import { beijingTime, COLOR_HEX, COLOR_ZH, COLORS, zhDate } from './labels';
import { barChart, footers, heading, newPdf, paragraph, pdfBytes, table } from './pdf';

/** Every figure row with all its subjects, one line each, for the city's social-credit department. */
export function renderAnnualCsv(report: AnnualReportData): string {
  const records = report.figures.flatMap((figure) => figure.rows.map((row) => [report.year, figure.key, figure.title, row.label, row.count, row.subjects.join(' ')]));
  // A BOM so that spreadsheet programs open the UTF-8 Chinese titles correctly.
  return '\uFEFF' + stringify([['year', 'figure', 'title', 'label', 'count', 'subjects'], ...records], { cast: SAFE_CSV_CAST });
}

const colorTotals = (rows: { label: string; count: number }[]) =>
  COLORS.map((color) => ({ label: COLOR_ZH[color], value: rows.filter((row) => row.label.endsWith(`/${color}`)).reduce((sum, row) => sum + row.count, 0), color: COLOR_HEX[color] }));

/** The printable summary: headline numbers, charts of the colour distributions and events, every figure as a table. */
export async function renderAnnualPdf(report: AnnualReportData, bureau: string, generatedAt: Date): Promise<Buffer> {
  const doc = newPdf(`${report.year} 年度环境信用监管工作总结报告`, generatedAt);
  doc.font('bold').fontSize(18).text(`${report.year} 年度环境信用监管工作总结报告`, { align: 'center' });
  doc.moveDown(0.3);
  paragraph(doc, `${bureau}\u3000统计期间 ${zhDate(report.from)}至${zhDate(report.to)}\u3000生成时间 ${beijingTime(generatedAt)}（北京时间）`, { color: '#555' });
  const figure = (key: string) => report.figures.find((f) => f.key === key)!;
  const total = (key: string, label?: string) => figure(key).rows.filter((row) => !label || row.label === label).reduce((sum, row) => sum + row.count, 0);
  heading(doc, '一、总体情况');
  paragraph(
    doc,
    `本年度共有 ${report.subjectsRated} 家主体参与环境信用评价；记分事项 ${total('eventsByType')} 件；受理异议 ${total('objections', 'filed')} 件，采纳 ${total('objections', 'upheld')} 件；` +
      `信用修复申请 ${total('repairs', 'applied')} 件，修复 ${total('repairs', 'approved')} 件；认定环保领跑者 ${total('frontRunners', 'designated')} 家，失去称号 ${total('frontRunners', 'lapsed')} 家。`,
  );
  paragraph(
    doc,
    '处罚决定及时归集（决定之日起 5 个工作日内）：' +
      (report.timeliness.map((d) => `${d.districtCode} 归集 ${d.entered} 件，逾期 ${d.late} 件（${(d.lateShare * 100).toFixed(1)}%），延迟中位数 ${d.medianDelayWorkingDays} 个工作日`).join('；') || '无') +
      '。',
  );
  heading(doc, '二、颜色分布（年初与年末）');
  paragraph(doc, `年初（${report.from}）`);
  barChart(doc, colorTotals(figure('colorsAtStartByDistrict').rows));
  paragraph(doc, `年末（${report.to}）`);
  barChart(doc, colorTotals(figure('colorsAtEndByDistrict').rows));
  heading(doc, '三、记分事项（按类型）');
  barChart(doc, figure('eventsByType').rows.map((row) => ({ label: row.label, value: row.count, color: '#546e7a' })));
  let section = 4;
  const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
  for (const f of report.figures) {
    heading(doc, `${numerals[section++] ?? section}、${f.title}`);
    if (f.rows.length === 0) {
      paragraph(doc, '无');
      continue;
    }
    table(
      doc,
      ['项目', '数量', '涉及主体'],
      f.rows.map((row) => [row.label, String(row.count), row.subjects.length > 6 ? `${row.subjects.slice(0, 6).join('、')} 等 ${row.subjects.length} 家（全部见 CSV）` : row.subjects.join('、') || '—']),
      [2, 0.7, 5],
    );
  }
  footers(doc, (page, pages) => `${report.year} 年度环境信用监管工作总结报告\u3000第 ${page} / ${pages} 页`);
  return pdfBytes(doc);
}
