import { loadConfig } from '../shared/config';
import { attachEmbeddedPostgres } from '../shared/embedded-postgres';

/**
 * Runs `work` against DATABASE_URL, or against the embedded server of HUB_DATA_DIR when unset: beside
 * a running hub it attaches to that server; alone it starts one and stops it after.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await attachEmbeddedPostgres(config.dataDir, { serverDir: config.embeddedServerDir });
  try {
    return await work(config.databaseUrl ?? embedded!.url);
  } finally {
    await embedded?.release();
  }
}
