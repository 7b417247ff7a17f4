import { CreateGateway1732400000000 } from './1732400000000-CreateGateway';
import { CreateAuditLog1732600000000 } from './1732600000000-CreateAuditLog';
import { ExactlyOnceWrites1766100000000 } from './1766100000000-ExactlyOnceWrites';

/** The gateway's own migrations (API clients, audit, idempotency keys), oldest first. */
export const gatewayMigrations = [CreateGateway1732400000000, CreateAuditLog1732600000000, ExactlyOnceWrites1766100000000];
