import { Field, ID, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar } from '../../../shared/scalars';

@ObjectType({ description: 'A scored event: a penalty decision or another supervision fact.' })
export class CreditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Event-type code of the catalogue (FINE, WARNING, ...).' })
  type: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => Int)
  points: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day the decision was served; the objection window counts from it.' })
  servedOn: string | null;

  @Field(() => DateScalar)
  validFrom: string;

  @Field(() => DateScalar, { description: 'The day the points return (exclusive end of validity).' })
  validUntil: string;

  @Field(() => String, { nullable: true })
  decisionNo: string | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Boolean)
  voided: boolean;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  voidReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was voided.' })
  voidedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive end of public disclosure; null when not published.' })
  publicUntil: string | null;
}

@ObjectType({ description: 'One event of a subject, with the cursor to continue after it.' })
export class CreditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => CreditEvent)
  node: CreditEvent;
}

@ObjectType({ description: "A page of a subject's events, oldest first (by date, then id)." })
export class CreditEventConnection {
  @Field(() => [CreditEventEdge])
  edges: CreditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: "Every event of the subject (voided ones included)." })
  totalCount: number;
}
