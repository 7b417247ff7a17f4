import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * The environment bureau's part of the `Person` entity (a responsible person, keyed by resident ID
 * number): the penalties naming them, which the credit office's `Person.records` receives through
 * `@requires`. Resolved for ENV_ADMIN and CREDIT_OFFICE only.
 */
@ObjectType('Person')
@Directive('@key(fields: "idNumber")')
export class EnvPerson {
  @Field(() => String)
  idNumber: string;
}
