import { CreateEnvironment1732400000000 } from './1732400000000-CreateEnvironment';
import { EnvironmentEngine1732500000000 } from './1732500000000-EnvironmentEngine';

/** The ecology & environment bureau's migrations, oldest first. */
export const environmentMigrations = [CreateEnvironment1732400000000, EnvironmentEngine1732500000000];
