import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Reports a third party can verify (issue 23): /verify leaks nothing without the code, numbers are
 * random with a check character, an uploaded copy is checked, the QR code and the absolute verify URL
 * are on both printed forms, the SM2/SM3 and Ed25519 signatures verify with openssl and Node as
 * docs/partners.md shows, and the documents are in Chinese with Beijing time.
 */
let hub: TestHub;
let base: string;
let scratch: string;

const PUBLIC_URL = 'https://credit.example.gov.cn';
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const SM2_KEY = generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

interface Issued {
  number: string;
  issuedAt: string;
  verificationCode: string;
  pdfUrl: string;
  htmlUrl: string;
}

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 60, config: { reports: { signingKey: SIGNING_KEY, sm2Key: SM2_KEY, validityDays: 30, bureau: '连云港市生态环境局', publicUrl: PUBLIC_URL } } });
  base = hub.hub.url.replace(/\/graphql$/, '');
  scratch = mkdtempSync(join(tmpdir(), 'ecocredit-verify-'));
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function issue(key: string, purpose: string, header?: string): Promise<Issued> {
  const answer = await hub.request<{ issueCreditReport: Issued }>(
    `mutation Issue($uscc: USCC!, $purpose: String!) { issueCreditReport(uscc: $uscc, purpose: $purpose) { number issuedAt verificationCode pdfUrl htmlUrl } }`,
    { uscc: DEMO_SHOWCASE_USCC, purpose },
    { key, purpose: header },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.issueCreditReport;
}

async function download(path: string): Promise<Buffer> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function check(number: string, options: { code?: string; body?: Buffer; type?: string; html?: boolean } = {}) {
  const query = new URLSearchParams({ ...(options.code ? { code: options.code } : {}), ...(options.html ? { format: 'html' } : {}) });
  const response = await fetch(`${base}/verify/${encodeURIComponent(number)}?${query.toString()}`, {
    method: options.body ? 'POST' : 'GET',
    body: options.body,
    headers: options.body ? { 'content-type': options.type ?? (options.body.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'text/html') } : {},
  });
  const text = await response.text();
  return { status: response.status, text, body: options.html ? null : (JSON.parse(text) as Record<string, unknown>) };
}

function runAsync(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** The URL of the one QR code in an image (PNG bytes), read by jsQR. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Draws the inline SVG QR code of an HTML page (its squares) into a PNG, `scale` pixels a module. */
function svgQrToPng(html: string, scale = 6): Buffer {
  const svg = /<svg class="qr"[^>]*viewBox="0 0 (\d+) \1"[^>]*>[\s\S]*?<path fill="#000" d="([^"]*)"/.exec(html);
  expect(svg, 'an inline SVG QR code').not.toBeNull();
  const side = Number(svg![1]);
  const png = new PNG({ width: side * scale, height: side * scale });
  png.data.fill(255);
  for (const [, x, y, length] of svg![2].matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let px = Number(x) * scale; px < (Number(x) + Number(length)) * scale; px++) {
      for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
        const at = (py * side * scale + px) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png);
}

/** `instant` in Beijing time as the reports print it, computed with the platform's time-zone data. */
function beijing(instant: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

describe('/verify/<number> without the code', () => {
  it('says only whether the number exists: no subject, purpose, time or colour', async () => {
    const report = await issue('demo-bank', 'LOAN_APPLICATION', 'LOAN_APPLICATION');
    expect(report.number).toMatch(/^XYBG-\d{4}-[0-9A-Z]{11}$/);
    for (const code of [undefined, 'AAAA-BBBB-CCCC', report.verificationCode.toLowerCase().replace(/.$/, 'x')]) {
      const answer = await check(report.number, { code });
      expect(answer).toMatchObject({ status: 200, body: { number: report.number, found: true } });
      expect(Object.keys(answer.body!).sort()).toEqual(['found', 'number']);
    }
    const page = await check(report.number, { html: true });
    expect(page.text).toContain('该编号的报告存在');
    for (const secret of [DEMO_SHOWCASE_USCC, 'LOAN_APPLICATION', '贷款申请', report.issuedAt.slice(0, 10), '色']) expect(page.text).not.toContain(secret);
    // The code (any case) opens everything.
    const full = await check(report.number, { code: report.verificationCode.toLowerCase() });
    expect(full.body).toMatchObject({ found: true, genuine: true, valid: true, uscc: DEMO_SHOWCASE_USCC, purpose: 'LOAN_APPLICATION' });
  });

  it('answers an unknown number not found, and refuses a mistyped one (check character) or a malformed one', async () => {
    const report = await issue('demo-env-admin', 'SUPERVISION');
    // A well-formed number nobody was issued (same body, the check character computed anew).
    const [, year, body] = /^XYBG-(\d{4})-([0-9A-Z]{10})/.exec(report.number)!;
    const { mod3736CheckCharacter } = await import('../src/apps/reports/report-number');
    const otherBody = `${body.slice(0, 9)}${body[9] === 'A' ? 'B' : 'A'}`;
    const unknown = `XYBG-${year}-${otherBody}${mod3736CheckCharacter(`XYBG${year}${otherBody}`)}`;
    expect(await check(unknown)).toMatchObject({ status: 404, body: { number: unknown, found: false } });
    // One character mistyped: the check character disagrees.
    const typo = `${report.number.slice(0, 12)}${report.number[12] === '7' ? '8' : '7'}${report.number.slice(13)}`;
    const refused = await check(typo);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errors: [{ message: expect.stringContaining('校验位不符'), extensions: { code: 'BAD_USER_INPUT' } }] });
    const malformed = await check('XYBG-2026-ABC');
    expect(malformed).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
  });
});

describe('an uploaded copy', () => {
  it('is recognised as the issued PDF or HTML, even without the code; one byte changed is not', async () => {
    const report = await issue('demo-credit-office', 'MARKET_ACCESS');
    const pdf = await download(report.pdfUrl);
    const html = await download(report.htmlUrl);
    for (const copy of [pdf, html]) {
      const answer = await check(report.number, { body: copy });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ found: true, issued: true, genuine: true, unaltered: true, valid: true, uscc: DEMO_SHOWCASE_USCC });
      const edited = Buffer.from(copy);
      edited[Math.floor(edited.length / 2)] ^= 0x01;
      // Without the code, an altered copy learns only that the number exists and the copy is not the issued one.
      expect((await check(report.number, { body: edited })).body).toEqual({ number: report.number, found: true, issued: false });
      expect((await check(report.number, { body: edited, code: report.verificationCode })).body).toMatchObject({ genuine: true, issued: false, unaltered: false, valid: false });
    }
    const page = await check(report.number, { body: pdf, html: true });
    expect(page.text).toContain('与出具的原件完全一致');
  });

  it('must be a PDF or an HTML page of at most 5 MB', async () => {
    const report = await issue('demo-env-admin', 'SUPERVISION');
    const pdf = await download(report.pdfUrl);
    const wrongType = await check(report.number, { body: pdf, type: 'text/html' });
    expect(wrongType).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] } });
    expect((await check(report.number, { body: Buffer.from('hello'), type: 'text/plain' })).status).toBe(415);
    const large = await fetch(`${base}/verify/${report.number}`, { method: 'POST', body: Buffer.alloc(5_000_001, 0x20), headers: { 'content-type': 'application/pdf' } });
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('the printed report', () => {
  it('carries the absolute verify URL (HUB_PUBLIC_URL) as text and as a QR code, in the PDF and the HTML page', async () => {
    const report = await issue('demo-env-admin', 'PROCUREMENT');
    const url = `${PUBLIC_URL}/verify/${report.number}?code=${report.verificationCode}`;
    // The PDF, rendered as a printer would, and its QR code read back by a decoder.
    const pdfFile = join(scratch, `${report.number}.pdf`);
    writeFileSync(pdfFile, await download(report.pdfUrl));
    // Asynchronously, here and below: the hub answering the downloads runs in this process.
    const pages = Number(/Pages:\s+(\d+)/.exec((await runAsync('pdfinfo', [pdfFile], scratch)).stdout)![1]);
    expect((await runAsync('pdftoppm', ['-r', '150', '-png', '-f', String(pages), '-l', String(pages), pdfFile, join(scratch, 'last')], scratch)).code).toBe(0);
    const lastPage = readFileSync(join(scratch, `last-${String(pages).padStart(String(pages).length, '0')}.png`));
    expect(decodeQr(lastPage)).toBe(url);
    // As text too (pdftotext drops the hyphen where the line wraps, so hyphens are left out of the comparison).
    expect((await runAsync('pdftotext', [pdfFile, '-'], scratch)).stdout.replace(/\s+|-/g, '')).toContain(url.replace(/-/g, ''));
    // The HTML page: an inline SVG (nothing loaded from elsewhere) of the same code, and the link.
    const html = (await download(report.htmlUrl)).toString('utf8');
    expect(html).toContain(`<a href="${url.replace('&', '&#38;')}">`);
    expect(html).not.toMatch(/<img|src=|url\(/);
    expect(decodeQr(svgQrToPng(html))).toBe(url);
    // The squares are the qrcode library's matrix for that URL.
    const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(html).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it('is in Chinese, with Beijing time: no English statuses, reasons or ISO times', async () => {
    const report = await issue('demo-credit-office', 'MARKET_ACCESS');
    const html = (await download(report.htmlUrl)).toString('utf8');
    const visible = html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/https:\/\/\S+/g, ' ')
      .replaceAll(report.number, ' ');
    expect(visible).toContain(`${beijing(report.issuedAt)}（北京时间）`);
    expect(visible).toContain('存续（在营）');
    expect(visible).not.toContain('ACTIVE');
    expect(visible).not.toContain('MARKET_ACCESS');
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Latin letters left: measure codes (e.g. ENV_MORE_INSPECTIONS) and GB/T, the code's own letters.
    const words = visible.match(/[A-Za-z][A-Za-z0-9_/]*/g) ?? [];
    expect(words.filter((word) => !/^[A-Z][A-Z0-9_]+$/.test(word) && !/^GB\/T$/.test(word) && !/^[A-Z0-9]$/.test(word))).toEqual([]);
    expect(visible).not.toMatch(/\b(since|until|colour|listed|surcharge|normal price|document)\b/);
    const pdfFile = join(scratch, `${report.number}-zh.pdf`);
    writeFileSync(pdfFile, await download(report.pdfUrl));
    const text = (await runAsync('pdftotext', [pdfFile, '-'], scratch)).stdout;
    expect(text.replace(/\s+/g, ' ')).toContain(beijing(report.issuedAt));
    expect(text).not.toMatch(/ACTIVE|\d{4}-\d{2}-\d{2}T/);
  });
});

describe('signatures a third party checks (docs/partners.md)', () => {
  it('publishes the Ed25519 and SM2 public keys, and the manifest verifies with openssl and with Node', async () => {
    const report = await issue('demo-env-admin', 'APPROVAL');
    const keys = (await (await fetch(`${base}/verify/keys`)).json()) as { ed25519: { publicKey: string }; sm2: { publicKey: string; algorithm: string } };
    expect(keys.sm2.algorithm).toContain('SM2');
    const sm2Pem = await (await fetch(`${base}/verify/keys/sm2.pem`)).text();
    const edPem = await (await fetch(`${base}/verify/keys/ed25519.pem`)).text();
    expect(sm2Pem).toBe(keys.sm2.publicKey);
    expect(edPem).toBe(keys.ed25519.publicKey);
    const answer = (await check(report.number, { code: report.verificationCode })).body as { manifest: string; signatures: { ed25519: string; sm2: string } };
    const manifest = JSON.parse(answer.manifest) as { number: string; pdfSha256: string; htmlSha256: string };
    expect(manifest.number).toBe(report.number);
    const pdf = await download(report.pdfUrl);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(manifest.pdfSha256);

    // Node, as docs/partners.md shows it.
    expect(verifySignature('sm3', Buffer.from(answer.manifest), createPublicKey(sm2Pem), Buffer.from(answer.signatures.sm2, 'base64'))).toBe(true);
    expect(verifySignature(null, Buffer.from(answer.manifest), createPublicKey(edPem), Buffer.from(answer.signatures.ed25519, 'base64'))).toBe(true);

    // openssl, the documented commands word for word.
    const dir = mkdtempSync(join(scratch, 'openssl-'));
    const file = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
    file('sm2.pem', sm2Pem);
    file('ed25519.pem', edPem);
    file('manifest.json', answer.manifest);
    file('manifest.sm2.sig', Buffer.from(answer.signatures.sm2, 'base64'));
    file('manifest.ed25519.sig', Buffer.from(answer.signatures.ed25519, 'base64'));
    file('report.pdf', pdf);
    const run = (command: string) => execFileSync('sh', ['-c', command], { cwd: dir }).toString('utf8'); // openssl only: no request to the hub
    expect(run('openssl dgst -sm3 -verify sm2.pem -signature manifest.sm2.sig manifest.json')).toContain('Verified OK');
    expect(run('openssl pkeyutl -verify -pubin -inkey ed25519.pem -rawin -in manifest.json -sigfile manifest.ed25519.sig')).toContain('Signature Verified Successfully');
    expect(run('openssl dgst -sha256 -r report.pdf').split(' ')[0]).toBe(manifest.pdfSha256);
    // One byte of the manifest changed: both refuse.
    file('manifest.json', answer.manifest.replace(report.number, report.number.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))));
    const attempt = (command: string) => {
      const result = spawnSync('sh', ['-c', command], { cwd: dir });
      return { status: result.status, output: `${result.stdout.toString('utf8')}${result.stderr.toString('utf8')}` };
    };
    expect(attempt('openssl dgst -sm3 -verify sm2.pem -signature manifest.sm2.sig manifest.json')).toMatchObject({ status: 1, output: expect.stringContaining('Verification failure') });
    expect(attempt('openssl pkeyutl -verify -pubin -inkey ed25519.pem -rawin -in manifest.json -sigfile manifest.ed25519.sig')).toMatchObject({
      status: 1,
      output: expect.stringContaining('Signature Verification Failure'),
    });
  });

  const hasTools = ['jq', 'curl'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
  // The shell block of docs/partners.md needs jq and curl besides openssl; the commands themselves are run above in any case.
  it.skipIf(!hasTools)('runs the shell and Node checks of docs/partners.md as written, against an issued report', async () => {
    const report = await issue('demo-env-admin', 'QUALIFICATION');
    const docs = readFileSync(join(__dirname, '..', 'docs', 'partners.md'), 'utf8');
    const shell = /With `jq` and OpenSSL 3:\n\n```bash\n([\s\S]*?)```/.exec(docs)![1];
    const node = /as `check-report.mjs`:\n\n```js\n([\s\S]*?)```/.exec(docs)![1];
    const dir = mkdtempSync(join(scratch, 'docs-'));
    writeFileSync(join(dir, 'report.pdf'), await download(report.pdfUrl));
    const script = shell.replace(/^HUB=.*$/m, `HUB=${base}; N=${report.number}; CODE=${report.verificationCode}`);
    expect(script).not.toBe(shell);
    // Asynchronously: the commands ask this process's hub, which must keep answering meanwhile.
    const ran = await runAsync('sh', ['-ec', script], dir);
    const output = ran.stdout;
    expect(ran.code, ran.stderr).toBe(0);
    expect(output).toContain('Verified OK');
    expect(output).toContain('Signature Verified Successfully');
    const lines = output.trim().split('\n');
    expect(lines.at(-2)!.split(' ')[0]).toBe(lines.at(-1));
    writeFileSync(
      join(dir, 'check-report.mjs'),
      node.replace("const hub = 'https://credit.example.gov.cn', number = 'XYBG-2026-7KQ2M9XPH4R', code = 'ABCD-EFGH-JKMN';", `const hub = '${base}', number = '${report.number}', code = '${report.verificationCode}';`),
    );
    const checked = await runAsync(process.execPath, ['check-report.mjs'], dir);
    expect(checked.stdout.replace(/\s+/g, ' '), checked.stderr).toContain('{ sm2: true, ed25519: true, pdfMatches: true }');
  });
});
