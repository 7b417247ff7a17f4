import { CreateCredit1732400000000 } from './1732400000000-CreateCredit';

/** The credit office's migrations, oldest first. */
export const creditMigrations = [CreateCredit1732400000000];
