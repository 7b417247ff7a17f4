import { Directive, Field, ObjectType } from 'type-graphql';
import { ResponsiblePerson } from '../../../shared/responsible-person';

/**
 * A responsible person (the `Person` entity, keyed by resident ID number), looked up by ENV_ADMIN and
 * CREDIT_OFFICE (`responsiblePerson`). The penalties naming them are environment's, supplied by the
 * gateway through `@requires`.
 */
@ObjectType('Person')
@Directive('@key(fields: "idNumber")')
export class CreditPerson {
  @Field(() => String)
  idNumber: string;

  @Field(() => [ResponsiblePerson], { nullable: true })
  @Directive('@external')
  envPenaltyRecords?: ResponsiblePerson[] | null;
}
