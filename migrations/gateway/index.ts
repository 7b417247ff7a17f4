import { CreateGateway1732400000000 } from './1732400000000-CreateGateway';
import { CreateAuditLog1732600000000 } from './1732600000000-CreateAuditLog';
import { UsccOverride1764200000000 } from './1764200000000-UsccOverride';

/** The gateway's own migrations (API clients, audit, admitted USCC overrides), oldest first. */
export const gatewayMigrations = [CreateGateway1732400000000, CreateAuditLog1732600000000, UsccOverride1764200000000];
