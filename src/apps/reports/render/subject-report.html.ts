import type { SubjectReportContent } from '../services/subject-report.builder';
import { beijingTime, COLOR_HEX, COLOR_ZH, PURPOSE_ZH, ROLE_ZH, WITHHELD, zh, zhCell, zhDate } from './labels';
import { qrSvg } from './qr';
import type { ReportMeta } from './report-meta';
import { subjectRows } from './subject-report.rows';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(headers: string[], rows: string[][] | null, empty = '无'): string {
  if (rows === null) return `<p class="withheld">${WITHHELD}</p>`;
  if (rows.length === 0) return `<p>${empty}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escape(zhCell(cell))}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const count = (rows: unknown[] | null, unit: string) => (rows ? `（${rows.length} ${unit}）` : '');

/**
 * The report as a self-contained HTML page (no script, no external resource: the CSP of the route
 * allows inline styles only). It is stored and signed as issued; `/verify/<number>` checks its bytes.
 */
export function renderSubjectHtml(content: SubjectReportContent, meta: ReportMeta): string {
  const rows = subjectRows(content);
  const color = content.rating?.color;
  const chip = color ? `<span class="chip" style="background:${COLOR_HEX[color]}">${escape(zh(COLOR_ZH, color))}</span>` : '未纳入评价';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>企业环境信用报告 ${escape(meta.number)}</title>
<style>
body{font-family:"Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:52rem;margin:2rem auto;color:#222;line-height:1.5}
h1{text-align:center;font-size:1.6rem}h2{font-size:1.1rem;border-bottom:2px solid #2e7d32;padding-bottom:.2rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#f1f5f1}
.meta td:first-child{width:9rem;background:#f7f7f7}.chip{color:#fff;padding:.1rem .6rem;border-radius:.3rem}.withheld{color:#777}
footer{display:flex;gap:1rem;align-items:flex-start;margin-top:2rem;font-size:.8rem;color:#555;border-top:1px solid #ccc;padding-top:.5rem}@media print{body{margin:0}}
</style></head><body>
<h1>企业环境信用报告</h1>
<table class="meta"><tbody>
<tr><td>报告编号</td><td>${escape(meta.number)}</td></tr>
<tr><td>验证码</td><td>${escape(meta.verificationCode)}</td></tr>
<tr><td>出具机关</td><td>${escape(meta.bureau)}</td></tr>
<tr><td>出具时间</td><td>${escape(beijingTime(meta.issuedAt))}（北京时间）</td></tr>
<tr><td>有效期至</td><td>${escape(zhDate(meta.validUntil))}</td></tr>
<tr><td>信息截止日</td><td>${escape(zhDate(content.asOf))}</td></tr>
<tr><td>查询用途</td><td>${escape(zh(PURPOSE_ZH, meta.purpose))}</td></tr>
<tr><td>申请方</td><td>${escape(meta.agency ?? '—')}（${escape(zh(ROLE_ZH, meta.role))}）</td></tr>
</tbody></table>
<h2>一、主体信息</h2>${table(['项目', '内容'], rows.identity)}
<h2>二、环境信用评价结果</h2>
<p>截至${escape(zhDate(content.asOf))}：${chip}${content.rating?.score !== null && content.rating?.score !== undefined ? `\u3000记分 ${content.rating.score} 分` : ''}</p>
<h2>三、近三年评价记录</h2>${table(['日期', '颜色', '记分'], rows.history)}
${content.colorChanges ? `<h3>颜色变化</h3>${table(['日期', '变化前', '变化后', '变化后记分', '原因', '决定书文号'], rows.changes)}` : ''}
<h2>四、公示期内的行政处罚${count(rows.penalties, '件')}</h2>${table(['决定书文号', '类型', '决定日期', '记分', '公示截止'], rows.penalties)}
<h2>五、信用承诺及履行情况</h2>${table(['承诺日期', '有效期至', '文号', '履行情况'], rows.commitments)}
<h2>六、正在实施的联合奖惩措施${count(rows.measures, '项')}</h2>${table(['措施', '性质', '实施单位', '依据', '原因', '起始'], rows.measures)}
<h2>七、名单信息${count(rows.listings, '条')}</h2>${table(['部门', '名单', '认定机关', '文号', '列入日期', '移出日期', '事由'], rows.listings)}
<h2>八、信用修复记录</h2>${table(['决定书文号', '类型', '申请日期', '状态', '决定日期'], rows.repairs)}
${content.withheld.length ? `<p class="withheld">按申请方权限未列入本报告的信息：${escape(content.withheld.join('、'))}</p>` : ''}
<footer>${qrSvg(meta.verifyUrl, 132, '核验二维码')}<p>本报告依据截至${escape(zhDate(content.asOf))}的环境信用信息出具，仅供“${escape(zh(PURPOSE_ZH, meta.purpose))}”使用，有效期至${escape(zhDate(meta.validUntil))}。
接收单位可扫描二维码或访问 <a href="${escape(meta.verifyUrl)}">${escape(meta.verifyUrl)}</a> 核验本报告真伪、是否被篡改、是否在有效期内，并查看该主体当前的评价颜色；也可将本文件上传至该地址，核验其是否为出具的原件。</p></footer>
</body></html>
`;
}
