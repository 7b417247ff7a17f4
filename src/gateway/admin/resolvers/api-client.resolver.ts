import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { badInput } from '../../../shared/errors';
import { parseRowId } from '../../../shared/ids';
import type { ApiClientEntity } from '../../entities/api-client.entity';
import { ApiClientService } from '../../services/api-client.service';
import { ApiClient, CreateApiClientInput, IssuedApiKey } from '../types/api-client.type';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toApiClient(row: ApiClientEntity): ApiClient {
  return { ...row, id: String(row.id), createdAt: row.createdAt.toISOString(), expiresAt: iso(row.expiresAt), revokedAt: iso(row.revokedAt) };
}

const clientId = (id: string): number => parseRowId(id, 'API client id');

/** ENV_ADMIN: partner credentials (also `ecocredit clients ...`). */
@Resolver()
export class ApiClientResolver {
  constructor(private readonly clients: ApiClientService) {}

  @Query(() => [ApiClient])
  async apiClients(): Promise<ApiClient[]> {
    return (await this.clients.list()).map(toApiClient);
  }

  @Mutation(() => IssuedApiKey, { description: 'Issues a client; its key is in this answer only.' })
  async createApiClient(@Ctx() ctx: HubContext, @Arg('input', () => CreateApiClientInput) input: CreateApiClientInput): Promise<IssuedApiKey> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw badInput(`expiresAt "${input.expiresAt}" is not an ISO 8601 timestamp`);
    const { client, key } = await this.clients.create(ctx, { ...input, expiresAt });
    return { client: toApiClient(client), key };
  }

  @Mutation(() => IssuedApiKey, { description: 'Replaces the key; the old one stops working at once.' })
  async rotateApiClientKey(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<IssuedApiKey> {
    const { client, key } = await this.clients.rotate(ctx, clientId(id));
    return { client: toApiClient(client), key };
  }

  @Mutation(() => ApiClient)
  async revokeApiClient(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<ApiClient> {
    return toApiClient(await this.clients.revoke(ctx, clientId(id)));
  }
}
