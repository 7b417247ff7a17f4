import { CreateGateway1732400000000 } from './1732400000000-CreateGateway';
import { CreateAuditLog1732600000000 } from './1732600000000-CreateAuditLog';
import { KeyedAuditChain1733000000000 } from './1733000000000-KeyedAuditChain';
import { CredentialsVersion1733000000001 } from './1733000000001-CredentialsVersion';
import { UsccOverride1764200000000 } from './1764200000000-UsccOverride';
import { ExactlyOnceWrites1766100000000 } from './1766100000000-ExactlyOnceWrites';
import { GatewayAuditOutbox1766200000000 } from './1766200000000-GatewayAuditOutbox';
import { Webhooks1796121189916 } from './1796121189916-Webhooks';
import { CreditReports1796121211568 } from './1796121211568-CreditReports';
import { WebhookTimedChanges1796122500000 } from './1796122500000-WebhookTimedChanges';
import { WebhookTimedRestrictions1796122700000 } from './1796122700000-WebhookTimedRestrictions';
import { AuditChainOneLink1796123000000 } from './1796123000000-AuditChainOneLink';
import { CredentialsNotify1796123000001 } from './1796123000001-CredentialsNotify';
import { CreditReportSm21797600000010 } from './1797600000010-CreditReportSm2';
import { WebhookFeedSequence1797500000010 } from './1797500000010-WebhookFeedSequence';

/** The gateway's own migrations (API clients, audit, admitted USCC overrides, idempotency keys, its audit outbox, webhooks, issued credit reports, webhook changes by time, restriction levels changed by time, one successor per audit record, credential changes notified, the change feed's per-subject sequence and held messages), oldest first. */
export const gatewayMigrations = [
  CreateGateway1732400000000,
  CreateAuditLog1732600000000,
  KeyedAuditChain1733000000000,
  CredentialsVersion1733000000001,
  UsccOverride1764200000000,
  ExactlyOnceWrites1766100000000,
  GatewayAuditOutbox1766200000000,
  Webhooks1796121189916,
  CreditReports1796121211568,
  WebhookTimedChanges1796122500000,
  WebhookTimedRestrictions1796122700000,
  AuditChainOneLink1796123000000,
  CredentialsNotify1796123000001,
  CreditReportSm21797600000010,
  WebhookFeedSequence1797500000010,
];
