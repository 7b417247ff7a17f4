import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { PenaltySeverity } from './credit-event.type';
import { ResponsiblePersonInput } from '../../../shared/responsible-person';

@InputType()
export class RecordCreditEventInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String, { description: 'Event-type code of the catalogue (FINE, WARNING, CRIMINAL_LIABILITY, CREDIT_COMMITMENT, ...).' })
  type: string;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  decisionNo?: string | null;

  @Field(() => Int, { nullable: true, description: "The event's own points, within its type's allowed range; default the type's points." })
  points?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the decision and its notice were served: on or after occurredOn, not after today; default the day the notice is issued (today). The objection window counts from it.',
  })
  servedOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Months a penalty is published, within its severity's tier (GENERAL 3–12, SERIOUS 12–36); default the tier's maximum.",
  })
  publicityMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Decided by simple procedure (简易程序): only WARNING and FINE may be; such a penalty is not published. Default false.' })
  simpleProcedure?: boolean | null;

  @Field(() => PenaltySeverity, { nullable: true, description: "The penalty's severity; default the catalogue's for its type. Another needs severityReason." })
  severity?: PenaltySeverity | null;

  @Field(() => String, { nullable: true, description: "Why the severity differs from the catalogue's default (e.g. the penalty puts the subject on a punishment list)." })
  severityReason?: string | null;

  @Field(() => [ResponsiblePersonInput], {
    nullable: true,
    description: 'A SERIOUS penalty may name its 法定代表人, 主要负责人 and 直接责任人 (name and resident ID number, check digit verified).',
  })
  responsiblePersons?: ResponsiblePersonInput[] | null;
}

@InputType()
export class VoidCreditEventInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => String, { description: 'Why it is voided; kept with the event.' })
  reason: string;
}
