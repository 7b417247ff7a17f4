/* global process */
// Builds the browser pages (web/ → dist/web) with Vite when any of their sources, or the lockfile,
// is newer than the last build; otherwise does nothing, as `tsc -b` does for the server. Run by
// `npm run build` (so by `npm install`/`npm ci` through `prepare`) and by `npm start`.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const web = import.meta.dirname;
const root = resolve(web, '..');
const stamp = join(root, 'dist/web/.built');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sourcesChanged = Math.max(newest(web), newest(join(root, 'package-lock.json')));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesChanged && !process.argv.includes('--force')) {
  process.exit(0);
}
const { build } = await import('vite');
await build({ configFile: join(web, 'vite.config.mts'), logLevel: 'warn' });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
