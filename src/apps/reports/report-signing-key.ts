import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubConfig } from '../../shared/config';

export interface ReportSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function ed25519(pem: string, origin: string): ReportSigningKey {
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
 * The Ed25519 key that signs credit reports, which the database never holds (a database dump must
 * not let anyone forge a report): HUB_REPORT_SIGNING_KEY when set (required in production, the same
 * on every gateway instance); otherwise `<dataDir>/report-signing-key.pem`, generated on first start
 * (mode 0600) like the audit key, so a development hub keeps verifying its own reports across restarts.
 */
export function loadReportSigningKey(config: Pick<HubConfig, 'reports' | 'production' | 'dataDir'>): ReportSigningKey {
  if (config.reports.signingKey) return ed25519(config.reports.signingKey, 'HUB_REPORT_SIGNING_KEY');
  if (config.production) throw new Error('refusing to start: HUB_REPORT_SIGNING_KEY must be set with NODE_ENV=production (credit reports are signed with it)');
  const file = join(config.dataDir, 'report-signing-key.pem');
  mkdirSync(config.dataDir, { recursive: true });
  try {
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': two processes starting at once agree on the first key written.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return ed25519(readFileSync(file, 'utf8'), file);
}
