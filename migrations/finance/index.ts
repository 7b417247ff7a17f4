import { CreateFinance1732400000000 } from './1732400000000-CreateFinance';

/** Finance's migrations, oldest first. */
export const financeMigrations = [CreateFinance1732400000000];
