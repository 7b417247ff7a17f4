import { CreateCredit1732400000000 } from './1732400000000-CreateCredit';
import { JointMeasures1764000000000 } from './1764000000000-JointMeasures';

/** The credit office's migrations, oldest first. */
export const creditMigrations = [CreateCredit1732400000000, JointMeasures1764000000000];
