import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth/principal';
import type { HubContext } from './context';

/**
 * What an extra HTTP route of the gateway (`/notices/<number>`) gets besides the request: the
 * caller's context, authenticated on demand, and the audit trail, to which a route that reads
 * subject data records its read (as `coordinate`, the GraphQL field it mirrors) before it answers.
 */
// Function-typed properties, not methods: routes destructure them off the tools.
export interface RouteTools {
  principal: () => Promise<HubContext>;
  /** The context of a reader the route itself vouches for (a signed link), with this request's id. */
  vouchedFor: (principal: Principal) => HubContext;
  /**
   * The reader a signed link was minted for, as the hub knows it now (its API client looked up again);
   * null when that reader may no longer be served (revoked, expired, unknown).
   */
  readerNow: (minted: { clientId: string; role: string; districtCode: string | null }) => Promise<Principal | null>;
  audit: (ctx: HubContext, coordinate: string) => Promise<void>;
  /** Counts the request against the caller's rate limit, as `/graphql` does; throws RATE_LIMITED past it. */
  limitRate: (ctx: HubContext) => Promise<void>;
}

/** Answers the request and resolves true, or resolves false when the path is not its own. */
export type HttpRoute = (request: IncomingMessage, response: ServerResponse, tools: RouteTools) => Promise<boolean>;
