import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { HubConfig } from '../shared/config';

/** Shortest HUB_AUDIT_KEY accepted: 32 characters (a 256-bit key written as hex or base64 is longer). */
const MIN_KEY_LENGTH = 32;

/**
 * The audit chain's HMAC key, which the database never holds: HUB_AUDIT_KEY when set (required in
 * production); otherwise the key in `<dataDir>/audit.key`, generated on first start (mode 0600), so a
 * demo or development hub keeps verifying its own chain across restarts.
 */
export function loadAuditKey(config: Pick<HubConfig, 'audit' | 'production' | 'dataDir'>): Uint8Array {
  const configured = config.audit.key;
  if (configured) {
    if (configured.length < MIN_KEY_LENGTH) throw new Error(`refusing to start: HUB_AUDIT_KEY must be at least ${MIN_KEY_LENGTH} characters`);
    return new TextEncoder().encode(configured);
  }
  if (config.production) throw new Error('refusing to start: HUB_AUDIT_KEY must be set with NODE_ENV=production (the audit chain is keyed with it)');
  const file = join(config.dataDir, 'audit.key');
  mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once agree on the first key written.
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
