import { CreateEnvironment1732400000000 } from './1732400000000-CreateEnvironment';

/** The ecology & environment bureau's migrations, oldest first. */
export const environmentMigrations = [CreateEnvironment1732400000000];
