import { CreateMarket1732400000000 } from './1732400000000-CreateMarket';

/** Market supervision's migrations, oldest first. */
export const marketMigrations = [CreateMarket1732400000000];
