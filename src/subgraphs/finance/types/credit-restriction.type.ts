import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';

export enum RestrictionLevel {
  NONE = 'NONE',
  RESTRICTED = 'RESTRICTED',
  PROHIBITED = 'PROHIBITED',
}
registerEnumType(RestrictionLevel, { name: 'RestrictionLevel' });

@ObjectType({ description: "A bank's answer: may this subject get credit, and on what basis." })
export class CreditRestriction {
  @Field(() => RestrictionLevel)
  level: RestrictionLevel;

  @Field(() => Boolean)
  restricted: boolean;

  @Field(() => [String], { description: 'Why: the colour and its period, list entries with their document numbers, legal bases.' })
  basis: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Since when the current level holds.' })
  since: string | null;

  @Field(() => Boolean, { description: 'GREEN on the date and not restricted: priority for green credit (绿色信贷).' })
  greenCreditPriority: boolean;
}
