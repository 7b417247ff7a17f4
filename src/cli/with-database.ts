import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../shared/embedded-postgres';

/** Runs `work` against DATABASE_URL, or the embedded database (started for it, stopped after) when unset. */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  try {
    return await work(config.databaseUrl ?? embedded!.url);
  } finally {
    await embedded?.stop();
  }
}
