import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from '../../shared/config';
import { DEPARTMENTS, type Department } from '../../shared/database';
import { exitOnTerminationSignals } from '../../shared/graceful-shutdown';
import { demoKeysBanner, startHub } from '../../hub/hub';
import { runClustered, workerShare } from '../../hub/cluster';
import { startSubgraphServer } from '../../gateway/subgraph-server';
import { type CommandArgs, KEEP_RUNNING } from '../command-args';

/** `ecocredit start [gateway|<department>]` (the dispatcher has checked the service name). */
export async function run({ positionals }: CommandArgs): Promise<number> {
  const role = positionals[0];
  const config = loadConfig();
  if (role && (DEPARTMENTS as readonly string[]).includes(role)) {
    const server = await startSubgraphServer({ department: role as Department, config, port: process.env.PORT ? config.port : undefined });
    console.log(`ecocredit ${role} subgraph: ${server.url} (answers only requests signed by the gateway)`);
    exitOnTerminationSignals(role, () => server.stop());
    return KEEP_RUNNING;
  }
  const serve = async () => {
    const hub = await startHub({ config: workerShare(config, config.workers), remote: role === 'gateway' ? DEPARTMENTS : undefined });
    // With HUB_WORKERS, every worker listens on the same port; the first one announces it.
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      console.log(`ecocredit hub: ${hub.url}  (health: http://localhost:${hub.port}/healthz)`);
      if (config.demo) console.log(demoKeysBanner());
    }
    exitOnTerminationSignals(role ?? 'hub', () => hub.stop());
  };
  if (config.workers > 1) await runClustered(config.workers, serve);
  else await serve();
  return KEEP_RUNNING;
}
