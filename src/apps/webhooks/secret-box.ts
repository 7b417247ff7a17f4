import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'enc:v1';

/**
 * Webhook signing secrets at rest. An HMAC needs the secret itself (a hash will not do), so it is kept
 * encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the hub's audit key, which the
 * database never holds: a dump or a read-only database credential does not reveal the secrets that
 * sign deliveries. Every gateway instance has the same audit key (HUB_AUDIT_KEY), so any of them can
 * sign. node:crypto does both steps; no library adds anything to two calls.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(rootKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', rootKey, Buffer.alloc(0), 'ecocredit webhook signing secrets', 32));
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
  }

  /** The secret; throws when the value was not sealed with this key (or was altered). */
  open(value: string): string {
    const parts = value.split(':');
    if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== FORMAT) throw new Error('webhook secret is not sealed in the expected format');
    const [, , iv, tag, sealed] = parts;
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  }
}
