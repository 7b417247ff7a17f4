import { Directive, Field, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';

/** The credit office's part of the `Enterprise` entity. */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class CreditEnterprise {
  @Field(() => UsccScalar)
  uscc: string;
}
