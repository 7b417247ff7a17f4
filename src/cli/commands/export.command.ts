import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { startHub } from '../../hub/hub';
import { parseCodes, type ExportParameters } from '../../apps/exports/export-views';
import type { ExportEncoding } from '../../apps/exports/export.service';
import { loadConfig } from '../../shared/config';
import { createContext, operatorPrincipal } from '../../shared/context';
import { HubError } from '../../shared/errors';
import { UsageError, type CommandArgs } from '../command-args';

/** Who the command reads as: the bureau's own system, named in the audit record of every export. */

/**
 * `ecocredit export <view>` (the dispatcher has checked the view, encoding, --period and --codes):
 * the hub is started in this process (no demo seeding, on a free port for the duration of the command) so that the rows are
 * read through the same gateway, permissions and audit trail as `GET /exports/<view>.csv`.
 */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const [view] = positionals;
  const encoding = (values.encoding ?? 'utf8') as ExportEncoding;
  const parameters: ExportParameters = {};
  if (typeof values.period === 'string') parameters.period = values.period;
  if (typeof values.codes === 'string') {
    try {
      parameters.codes = parseCodes(await readFile(values.codes, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read the codes file ${values.codes}: ${(error as Error).message}`);
    }
  }
  const config = { ...loadConfig(), port: 0 };
  const hub = await startHub({ config, seedDemo: false });
  try {
    const ctx = createContext(operatorPrincipal('export'), `cli:${randomUUID()}`, null);
    let prepared;
    try {
      prepared = await hub.exports.prepare(ctx, view, parameters, encoding, 'ecocredit export');
    } catch (error) {
      if (error instanceof HubError && error.extensions.code === 'BAD_USER_INPUT') throw new UsageError(error.message);
      throw error;
    }
    const out = typeof values.out === 'string' ? createWriteStream(values.out) : process.stdout;
    const summary = await prepared.writeTo(out);
    console.error(`exported ${summary.rows} rows of ${summary.view}${typeof values.out === 'string' ? ` to ${values.out}` : ''}`);
    return 0;
  } finally {
    await hub.stop();
  }
}
