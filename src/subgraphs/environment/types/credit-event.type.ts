import { Field, ID, Int, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { PageInfo } from '../../../shared/paging/page-info.type';
import { MaskPersonalData } from '../../../shared/personal-data';
import { DateScalar } from '../../../shared/scalars';

/** A penalty's severity (DOMAIN.md §11): it decides how long the penalty is published. */
export enum PenaltySeverity {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
registerEnumType(PenaltySeverity, {
  name: 'PenaltySeverity',
  description: 'GENERAL: published 3 months to 1 year; SERIOUS: 1 to 3 years (发改办财金〔2019〕527号).',
});

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

  @Field(() => DateScalar, { description: 'The day the event became known to the hub (answers "as known on" a day leave out events known later).' })
  knownOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was voided.' })
  voidedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive end of public disclosure; null when not published (simple procedure, or not a penalty).' })
  publicUntil: string | null;

  @Field(() => Boolean, { description: 'Decided by simple procedure (简易程序, WARNING and FINE only): never published.' })
  simpleProcedure: boolean;

  @Field(() => PenaltySeverity, { nullable: true, description: "A penalty's severity (the catalogue's default for its type unless the decision said otherwise); null for other events." })
  severity: PenaltySeverity | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true, description: "Why the severity differs from the catalogue's default." })
  severityReason: string | null;

  @Field(() => Int, { description: 'Working days from the decision day to the day the hub learnt of it (knownOn), by the national holiday calendar.' })
  entryDelayWorkingDays: number;

  @Field(() => Boolean, { description: 'Entered later than the limit (5 working days of its decision day, Jiangsu).' })
  recordedLate: boolean;
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
