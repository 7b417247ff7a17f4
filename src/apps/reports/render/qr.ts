import QRCode from 'qrcode';

/**
 * QR codes of a report's verify URL, from the `qrcode` package's encoder (ISO/IEC 18004, error
 * correction level M: a quarter of a printed code may be smudged). The module matrix is drawn by the
 * renderers themselves, as vector squares in the PDF and as an inline SVG in the HTML page, so the
 * code is sharp at any print size, nothing is loaded from elsewhere, and the same URL always gives
 * the same bytes (the stored digests stand for the documents).
 */
export interface QrMatrix {
  size: number;
  /** Dark modules, row by row. */
  dark: (row: number, column: number) => boolean;
}

/** Quiet zone around the code, in modules (the standard asks for 4). */
export const QR_QUIET_ZONE = 4;

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, column) => Boolean(modules.get(row, column)) };
}

/** Runs of dark modules per row: [row, first column, length]; what both renderers draw. */
export function qrRuns(matrix: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; ) {
      if (!matrix.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.dark(row, column)) column++;
      runs.push([row, start, column - start]);
    }
  }
  return runs;
}

/** The code as an inline SVG element (white quiet zone included), `pixels` wide. */
export function qrSvg(text: string, pixels: number, label: string): string {
  const matrix = qrMatrix(text);
  const side = matrix.size + 2 * QR_QUIET_ZONE;
  const path = qrRuns(matrix)
    .map(([row, column, length]) => `M${column + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${length}v1h-${length}z`)
    .join('');
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${label}"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
