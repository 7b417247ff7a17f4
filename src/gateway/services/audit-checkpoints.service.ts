import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One signed statement "the chain had `count` records, the newest `lastId` with hash `hash`". */
export interface AuditCheckpoint {
  at: string;
  lastId: string;
  count: number;
  hash: string;
  /** HMAC-SHA256 under the audit key over the other fields. */
  mac: string;
}

export type ChainHead = Omit<AuditCheckpoint, 'at' | 'mac'>;

/**
 * Checkpoints of the audit chain's head, kept outside the database in an append-only JSON-lines
 * file (HUB_AUDIT_CHECKPOINT_FILE): someone who can rewrite the database can neither sign a
 * checkpoint (no key) nor make the newest records disappear without the last checkpoint naming them.
 * Each line is appended with O_APPEND, so processes sharing the file do not interleave lines.
 */
export class AuditCheckpointFile {
  constructor(
    readonly path: string,
    private readonly key: Uint8Array,
  ) {}

  private mac(checkpoint: Omit<AuditCheckpoint, 'mac'>): string {
    const signed = JSON.stringify(['audit-checkpoint', checkpoint.at, checkpoint.lastId, checkpoint.count, checkpoint.hash]);
    return createHmac('sha256', this.key).update(signed).digest('hex');
  }

  async append(head: ChainHead, at = new Date()): Promise<AuditCheckpoint> {
    const unsigned = { at: at.toISOString(), ...head };
    const checkpoint = { ...unsigned, mac: this.mac(unsigned) };
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
    return checkpoint;
  }

  /** Every checkpoint in the file; `problem` names the first line that is malformed or not signed with the key. */
  async read(): Promise<{ checkpoints: AuditCheckpoint[]; problem: string | null }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], problem: null };
      throw error;
    }
    const checkpoints: AuditCheckpoint[] = [];
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (!line.trim()) continue;
      let parsed: AuditCheckpoint;
      try {
        parsed = JSON.parse(line) as AuditCheckpoint;
      } catch {
        return { checkpoints, problem: `checkpoint line ${index + 1} of ${this.path} is not JSON` };
      }
      const expected = Buffer.from(this.mac(parsed), 'hex');
      const given = Buffer.from(typeof parsed.mac === 'string' ? parsed.mac : '', 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { checkpoints, problem: `checkpoint line ${index + 1} of ${this.path} is not signed with the audit key` };
      }
      checkpoints.push(parsed);
    }
    return { checkpoints, problem: null };
  }
}
