import 'reflect-metadata';
import { notifyAuditWriter } from '../../shared/audit/audit-outbox';
import { closeHubDatabases, openHubDatabases } from '../../hub/databases';
import { ApiClientService } from '../../gateway/services/api-client.service';
import { commandContext, operatorPrincipal } from '../../shared/context';
import type { CommandArgs } from '../command-args';
import { withDatabase } from '../with-database';

/**
 * `ecocredit clients list|create|rotate|revoke`: the same ApiClientService as the GraphQL mutations.
 * The dispatcher has checked the action, the numeric id, --name/--role and --expires.
 */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const [action, id] = positionals;
  return withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 1 });
    try {
      const clients = new ApiClientService(sources.gateway);
      const describe = (c: { id: number; name: string; role: string; agency: string | null; districtCode: string | null; revokedAt: Date | null; expiresAt: Date | null; isDemo: boolean }) =>
        [c.id, c.role, c.name, c.agency ?? '-', c.districtCode ?? '-', c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : c.expiresAt ? `expires ${c.expiresAt.toISOString()}` : 'active', c.isDemo ? 'demo' : ''].join('\t');
      // The change commits with its audit record (gateway.audit_outbox); a running hub chains it.
      const ctx = commandContext(operatorPrincipal('clients'), `Command.clients.${action}`);
      switch (action) {
        case 'list':
          for (const client of await clients.list()) console.log(describe(client));
          return 0;
        case 'create': {
          const { client, key } = await clients.create(ctx, {
            name: values.name as string,
            role: values.role as string,
            agency: typeof values.agency === 'string' ? values.agency : null,
            districtCode: typeof values.district === 'string' ? values.district : null,
            expiresAt: typeof values.expires === 'string' ? new Date(values.expires) : null,
          });
          console.log(describe(client));
          console.log(`key (shown once): ${key}`);
          return 0;
        }
        case 'rotate': {
          const { client, key } = await clients.rotate(ctx, Number(id));
          console.log(describe(client));
          console.log(`new key (shown once; the old one no longer works): ${key}`);
          return 0;
        }
        default:
          console.log(describe(await clients.revoke(ctx, Number(id))));
          return 0;
      }
    } finally {
      // What this command committed waits in the audit outboxes: a running gateway chains it now.
      await notifyAuditWriter(sources.gateway).catch(() => undefined);
      await closeHubDatabases(sources);
    }
  });
}
