import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'One request that read or wrote subject data (append-only, chained by hash).' })
export class AuditRecord {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  at: string;

  @Field(() => String)
  requestId: string;

  @Field(() => String)
  clientId: string;

  @Field(() => String)
  clientName: string;

  @Field(() => String)
  role: string;

  @Field(() => String, { nullable: true })
  agency: string | null;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => String, { nullable: true })
  operationName: string | null;

  @Field(() => String, { description: 'SHA-256 of the query text.' })
  operationHash: string;

  @Field(() => String)
  operationType: string;

  @Field(() => [String])
  topLevelFields: string[];

  @Field(() => [String], { description: 'Every Type.field asked, e.g. Enterprise.creditRestriction.' })
  fields: string[];

  @Field(() => [String], { description: 'Departments whose fields were asked.' })
  departments: string[];

  @Field(() => [String], { description: 'The subjects the request touched.' })
  usccs: string[];

  @Field(() => String, { description: 'OK, PARTIAL (some fields refused or failed) or FAILED.' })
  outcome: string;

  @Field(() => [String])
  errorCodes: string[];

  @Field(() => String)
  prevHash: string;

  @Field(() => String)
  hash: string;
}

@InputType()
export class AuditLogFilter {
  @Field(() => UsccScalar, { nullable: true })
  uscc?: string | null;

  @Field(() => String, { nullable: true })
  clientId?: string | null;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'environment, market, credit or finance: who read this department’s data.' })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'A Type.field coordinate, e.g. Enterprise.creditRestriction.' })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; inclusive.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; exclusive.' })
  to?: string | null;
}

@ObjectType()
export class AuditChainReport {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int, { description: 'Records verified before the first broken one (all of them when ok).' })
  checked: number;

  @Field(() => ID, { nullable: true })
  firstBrokenId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}
