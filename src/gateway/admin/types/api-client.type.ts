import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A partner credential. The key itself is never stored, only its hash.' })
export class ApiClient {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  role: string;

  @Field(() => String, { nullable: true })
  agency: string | null;

  @Field(() => String, { nullable: true })
  districtCode: string | null;

  @Field(() => String)
  createdAt: string;

  @Field(() => String, { nullable: true })
  expiresAt: string | null;

  @Field(() => String, { nullable: true })
  revokedAt: string | null;

  @Field(() => Boolean)
  isDemo: boolean;
}

@ObjectType({ description: 'A client with its new key: shown this once.' })
export class IssuedApiKey {
  @Field(() => ApiClient)
  client: ApiClient;

  @Field(() => String)
  key: string;
}

@InputType()
export class CreateApiClientInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'A CONTRACT.md role other than PUBLIC.' })
  role: string;

  @Field(() => String, { nullable: true })
  agency?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for ENV_OFFICER.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; the key stops working then.' })
  expiresAt?: string | null;
}
