import { CreateGateway1732400000000 } from './1732400000000-CreateGateway';

/** The gateway's own migrations (API clients, audit), oldest first. */
export const gatewayMigrations = [CreateGateway1732400000000];
