import { Directive, Field, ObjectType } from 'type-graphql';
import { UsccScalar } from '../../../shared/scalars';

/** The environment bureau's part of the `Enterprise` entity; its fields are resolved in EnterpriseCreditResolver. */
@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class EnvEnterprise {
  @Field(() => UsccScalar)
  uscc: string;
}
