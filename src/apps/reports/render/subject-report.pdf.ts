import type { SubjectReportContent } from '../services/subject-report.builder';
import { beijingTime, COLOR_HEX, COLOR_ZH, PURPOSE_ZH, ROLE_ZH, WITHHELD, zh, zhDate } from './labels';
import { footers, heading, newPdf, paragraph, pdfBytes, qrBlock, table, type Pdf } from './pdf';
import type { ReportMeta } from './report-meta';
import { subjectRows } from './subject-report.rows';

function section(doc: Pdf, title: string, headers: string[], rows: string[][] | null, weights?: number[]): void {
  heading(doc, title);
  if (rows === null) paragraph(doc, WITHHELD, { color: '#777' });
  else if (rows.length === 0) paragraph(doc, '无');
  else table(doc, headers, rows, weights);
}

/** "（3 项）" after a section title; nothing for a withheld section. */
const count = (rows: unknown[] | null, unit: string) => (rows ? `（${rows.length} ${unit}）` : '');

/** The printable report (A4, Chinese), from the same rows as the HTML page. */
export async function renderSubjectPdf(content: SubjectReportContent, meta: ReportMeta): Promise<Buffer> {
  const doc = newPdf(`企业环境信用报告 ${meta.number}`, new Date(meta.issuedAt));
  const rows = subjectRows(content);
  doc.font('bold').fontSize(20).text('企业环境信用报告', { align: 'center' });
  doc.moveDown(0.5);
  table(
    doc,
    ['报告编号', '验证码', '出具时间', '有效期至'],
    [[meta.number, meta.verificationCode, `${beijingTime(meta.issuedAt)}（北京时间）`, meta.validUntil]],
    [3, 2.4, 3, 1.6],
  );
  table(
    doc,
    ['出具机关', '信息截止日', '查询用途', '申请方'],
    [[meta.bureau, content.asOf, zh(PURPOSE_ZH, meta.purpose), `${meta.agency ?? '—'}（${zh(ROLE_ZH, meta.role)}）`]],
    [2.4, 1.6, 2.4, 3.6],
  );
  section(doc, '一、主体信息', ['项目', '内容'], rows.identity, [1, 3]);
  heading(doc, '二、环境信用评价结果');
  const color = content.rating?.color;
  if (color) {
    const y = doc.y;
    doc.rect(50, y, 70, 22).fillColor(COLOR_HEX[color] ?? '#555').fill();
    doc.font('bold').fontSize(13).fillColor('#fff').text(zh(COLOR_ZH, color), 50, y + 3, { width: 70, align: 'center' });
    doc.font('regular').fontSize(11).fillColor('#222').text(`截至${zhDate(content.asOf)}${content.rating?.score !== null && content.rating?.score !== undefined ? `，记分 ${content.rating.score} 分` : ''}（评价日 ${zhDate(content.rating!.ratedOn)}）`, 130, y + 4);
    doc.x = 50;
    doc.y = y + 30;
  } else {
    paragraph(doc, `截至${zhDate(content.asOf)}，该主体未纳入环境信用评价。`);
  }
  section(doc, '三、近三年评价记录', ['日期', '颜色', '记分'], rows.history);
  if (rows.changes) section(doc, '\u3000颜色变化', ['日期', '变化前', '变化后', '变化后记分', '原因', '决定书文号'], rows.changes, [1.2, 1, 1, 1, 1.2, 2.2]);
  section(doc, `四、公示期内的行政处罚${count(rows.penalties, '件')}`, ['决定书文号', '类型', '决定日期', '记分', '公示截止'], rows.penalties, [2.4, 1.4, 1.2, 0.6, 1.2]);
  section(doc, '五、信用承诺及履行情况', ['承诺日期', '有效期至', '文号', '履行情况'], rows.commitments, [1, 1, 2, 2]);
  section(doc, `六、正在实施的联合奖惩措施${count(rows.measures, '项')}`, ['措施', '性质', '实施单位', '依据', '原因', '起始'], rows.measures, [2.2, 0.7, 1.6, 2.4, 2, 1]);
  section(doc, `七、名单信息${count(rows.listings, '条')}`, ['部门', '名单', '认定机关', '文号', '列入日期', '移出日期', '事由'], rows.listings, [0.9, 1.4, 1.4, 1.4, 1, 1, 1.8]);
  section(doc, '八、信用修复记录', ['决定书文号', '类型', '申请日期', '状态', '决定日期'], rows.repairs, [2.4, 1.4, 1.2, 1, 1.2]);
  if (content.withheld.length) paragraph(doc, `按申请方权限未列入本报告的信息：${content.withheld.join('、')}`, { color: '#777' });
  doc.moveDown(1);
  qrBlock(
    doc,
    meta.verifyUrl,
    `本报告依据截至${zhDate(content.asOf)}的环境信用信息出具，仅供“${zh(PURPOSE_ZH, meta.purpose)}”使用，有效期至${zhDate(meta.validUntil)}。接收单位可扫描左侧二维码或访问 ${meta.verifyUrl} 核验本报告真伪、是否被篡改、是否在有效期内，并查看该主体当前的评价颜色；也可将本文件上传至该地址，核验其是否为出具的原件。`,
  );
  footers(doc, (page, pages) => `报告编号 ${meta.number}\u3000验证码 ${meta.verificationCode}\u3000第 ${page} / ${pages} 页`);
  return pdfBytes(doc);
}
