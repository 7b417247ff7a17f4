import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubConfig } from '../../shared/config';

/**
 * The keys that sign credit reports: Ed25519, and SM2 with SM3 (GB/T 32918.2, GB/T 32905) for
 * receivers bound to the national algorithms. Both sign the same manifest; the public keys are
 * published at `/verify/keys` (docs/partners.md).
 */
export interface ReportSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  sm2: { privateKey: KeyObject; publicKey: KeyObject };
}

/** DER of the SM2 curve's object identifier 1.2.156.10197.1.301, as it appears in an SM2 key. */
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');

function ed25519(pem: string, origin: string): Pick<ReportSigningKey, 'privateKey' | 'publicKey'> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`refusing to start: ${origin} is not a PKCS#8 PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`refusing to start: ${origin} must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * An SM2 private key from PEM. Node's crypto is OpenSSL 3, which signs SM2 with SM3 natively
 * (`sign('sm3', data, key)`), but names no `asymmetricKeyType` for it: the key is recognised by its
 * curve and proved by one signature round trip.
 *
 * The signer's distinguishing identifier (ID_A of GB/T 32918.2) is the empty string: OpenSSL 3's and
 * Node's default, which Node cannot change. Verifiers whose tools default to "1234567812345678"
 * (GM/T 0009) must set an empty ID (docs/partners.md shows openssl and Node).
 */
function sm2(pem: string, origin: string): ReportSigningKey['sm2'] {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`refusing to start: ${origin} is not a PKCS#8 PEM private key`);
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  if (privateKey.asymmetricKeyType !== undefined || !spki.includes(SM2_CURVE_OID)) {
    throw new Error(`refusing to start: ${origin} must be an SM2 key (curve 1.2.156.10197.1.301), not ${privateKey.asymmetricKeyType ?? 'another key'}`);
  }
  const probe = Buffer.from('ecocredit-hub sm2 probe');
  if (!verify('sm3', probe, publicKey, sign('sm3', probe, privateKey))) throw new Error(`refusing to start: ${origin} does not sign with SM2/SM3 here`);
  return { privateKey, publicKey };
}

/**
 * The key from `configured` (PEM), or else from `<dataDir>/<file>`, generated on first start
 * (mode 0600) so a development hub keeps verifying its own reports across restarts.
 */
function keyPem(configured: string | undefined, config: Pick<HubConfig, 'production' | 'dataDir'>, setting: string, file: string, generate: () => string): { pem: string; origin: string } {
  if (configured) return { pem: configured, origin: setting };
  if (config.production) throw new Error(`refusing to start: ${setting} must be set with NODE_ENV=production (credit reports are signed with it)`);
  const path = join(config.dataDir, file);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once agree on the first key written.
    writeFileSync(path, generate(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { pem: readFileSync(path, 'utf8'), origin: path };
}

/** A new SM2 private key as PKCS#8 PEM (what `openssl genpkey -algorithm SM2` writes). */
export function generateSm2Pem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/**
 * The keys that sign credit reports, which the database never holds (a database dump must not let
 * anyone forge a report): HUB_REPORT_SIGNING_KEY (Ed25519) and HUB_REPORT_SM2_KEY (SM2) when set
 * (required in production, the same on every gateway instance); otherwise generated into the data
 * directory, like the audit key.
 */
export function loadReportSigningKey(config: Pick<HubConfig, 'reports' | 'production' | 'dataDir'>): ReportSigningKey {
  const ed = keyPem(config.reports.signingKey, config, 'HUB_REPORT_SIGNING_KEY', 'report-signing-key.pem', () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  );
  const edKeys = ed25519(ed.pem, ed.origin);
  const gm = keyPem(config.reports.sm2Key, config, 'HUB_REPORT_SM2_KEY', 'report-sm2-key.pem', generateSm2Pem);
  return { ...edKeys, sm2: sm2(gm.pem, gm.origin) };
}
