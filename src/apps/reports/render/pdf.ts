import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { zhCell } from './labels';
import { QR_QUIET_ZONE, qrMatrix, qrRuns, type QrMatrix } from './qr';

const resolveModule = createRequire(__filename).resolve;

/**
 * Noto Sans SC (SIL Open Font License 1.1) from the `@expo-google-fonts/noto-sans-sc` npm package: a
 * TrueType file that fontkit reads, installed with the hub, never fetched at run time. pdfkit embeds
 * only the glyphs a report uses (subsetting), so a report is tens of kilobytes, not the font's 10 MB.
 */
const FONT_REGULAR = resolveModule('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = resolveModule('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 50;

/**
 * A document with the CJK font registered and its dates fixed to `issuedAt`: the same content always
 * gives the same bytes (pdfkit writes no random file identifier unless encrypting), which is what lets
 * a signature over the PDF's digest stand for the printed report.
 */
export function newPdf(title: string, issuedAt: Date): Pdf {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: title, Producer: 'ecocredit-hub', Creator: 'ecocredit-hub', CreationDate: issuedAt, ModDate: issuedAt } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const bottom = (doc: Pdf) => doc.page.height - MARGIN - 20;
const contentWidth = (doc: Pdf) => doc.page.width - 2 * MARGIN;

export function heading(doc: Pdf, text: string): void {
  if (doc.y > bottom(doc) - 60) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#1b5e20').text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveTo(MARGIN, doc.y + 1).lineTo(MARGIN + contentWidth(doc), doc.y + 1).strokeColor('#2e7d32').lineWidth(1).stroke();
  doc.moveDown(0.4).font('regular').fontSize(9).fillColor('#222');
}

export function paragraph(doc: Pdf, text: string, options: { color?: string; size?: number } = {}): void {
  if (doc.y > bottom(doc) - 20) doc.addPage();
  doc.font('regular').fontSize(options.size ?? 9).fillColor(options.color ?? '#222').text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.fillColor('#222');
}

/**
 * A bordered table; columns get `weights` shares of the width, rows grow with wrapped text and break
 * onto a new page (repeating the header). pdfkit has no table layout of its own in this version.
 */
export function table(doc: Pdf, headers: string[], rows: string[][], weights: number[] = headers.map(() => 1)): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * contentWidth(doc));
  const pad = 3;
  const drawRow = (given: string[], header: boolean) => {
    // Dates print in Chinese form (2026年12月8日), like the rest of the document.
    const cells = given.map(zhCell);
    doc.font(header ? 'bold' : 'regular').fontSize(8.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!header) drawRow(headers, true);
      doc.font(header ? 'bold' : 'regular').fontSize(8.5);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (header) doc.rect(x, y, widths[i], height).fillColor('#eef4ee').fill();
      doc.rect(x, y, widths[i], height).strokeColor('#999').lineWidth(0.5).stroke();
      doc.fillColor('#222').text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.3);
}

/** A horizontal bar chart (label, value, colour), drawn with pdfkit's vector operations. */
export function barChart(doc: Pdf, bars: { label: string; value: number; color: string }[]): void {
  const barHeight = 12;
  const gap = 4;
  const labelWidth = 110;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const span = contentWidth(doc) - labelWidth - 50;
  if (doc.y + bars.length * (barHeight + gap) > bottom(doc)) doc.addPage();
  for (const bar of bars) {
    const y = doc.y;
    doc.font('regular').fontSize(8.5).fillColor('#222').text(bar.label, MARGIN, y + 1, { width: labelWidth - 6, height: barHeight, ellipsis: true, lineBreak: false });
    const width = (bar.value / max) * span;
    if (width > 0) doc.rect(MARGIN + labelWidth, y, width, barHeight).fillColor(bar.color).fill();
    doc.fillColor('#222').text(String(bar.value), MARGIN + labelWidth + width + 4, y + 1, { lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + barHeight + gap;
  }
  doc.moveDown(0.3);
}

/** Writes `text(page, pages)` at the foot of every page (the document must buffer its pages). */
export function footers(doc: Pdf, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: pdfkit would start a new page for text there unless the margin is lifted.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7.5).fillColor('#555');
    doc.text(text(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 10, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** A QR code (qr.ts) drawn as vector squares, `size` points wide with its quiet zone, at (x, y). */
export function qrCode(doc: Pdf, matrix: QrMatrix, x: number, y: number, size: number): void {
  const module = size / (matrix.size + 2 * QR_QUIET_ZONE);
  doc.save();
  doc.rect(x, y, size, size).fillColor('#fff').fill();
  for (const [row, column, length] of qrRuns(matrix)) {
    doc.rect(x + (column + QR_QUIET_ZONE) * module, y + (row + QR_QUIET_ZONE) * module, length * module, module);
  }
  doc.fillColor('#000').fill();
  doc.restore();
}

/** A block of `text` beside the QR code of `url`, kept on one page. */
export function qrBlock(doc: Pdf, url: string, text: string): void {
  const size = 96;
  if (doc.y + size > bottom(doc)) doc.addPage();
  const y = doc.y;
  qrCode(doc, qrMatrix(url), MARGIN, y, size);
  doc.font('regular').fontSize(8.5).fillColor('#444').text(text, MARGIN + size + 10, y + 6, { width: contentWidth(doc) - size - 10 });
  doc.fillColor('#222');
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, y + size) + 6;
}
