import 'reflect-metadata';
import { closeHubDatabases, openHubDatabases } from '../../gateway/databases';
import { seedDemoData } from '../../gateway/demo-seed';
import type { CommandArgs } from '../command-args';
import { withDatabase } from '../with-database';

/** `ecocredit seed [--enterprises N]` (the dispatcher has checked N). */
export async function run({ values }: CommandArgs): Promise<number> {
  const size = Number(values.enterprises ?? 560);
  await withDatabase(async (url) => {
    const sources = await openHubDatabases(url, { migrate: true, poolSize: 2 });
    try {
      const seeded = await seedDemoData(sources, size);
      console.log(seeded ? `seeded ${size} demo enterprises` : 'database already has registrations: nothing seeded');
    } finally {
      await closeHubDatabases(sources);
    }
  });
  return 0;
}
