import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';
import { RestrictionLevel } from './credit-restriction.type';

export enum RestrictionTriggerKind {
  COLOR = 'COLOR',
  LISTING = 'LISTING',
}
registerEnumType(RestrictionTriggerKind, { name: 'RestrictionTriggerKind', description: 'COLOR: an environmental credit colour; LISTING: an entry on a named list.' });

@ObjectType({ description: 'A bank restriction rule (finance.restriction_rule, DOMAIN.md §5, §10): a trigger and the level it imposes.' })
export class RestrictionRule {
  @Field(() => RestrictionTriggerKind)
  triggerKind: RestrictionTriggerKind;

  @Field(() => String, { description: 'A colour (RED, BLACK) or a list type (SERIOUS_DISHONESTY, COURT_DISHONEST_DEBTOR, SERIOUS_ILLEGAL_DISHONEST).' })
  triggerValue: string;

  @Field(() => RestrictionLevel)
  level: RestrictionLevel;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive; null while in force.' })
  effectiveTo: string | null;
}

@InputType({
  description:
    'CREDIT_OFFICE: a new version of the rule for (triggerKind, triggerValue) from a day after today; the version in force then ends there. Level NONE only ends it.',
})
export class SetRestrictionRuleInput {
  @Field(() => RestrictionTriggerKind)
  triggerKind: RestrictionTriggerKind;

  @Field(() => String)
  triggerValue: string;

  @Field(() => RestrictionLevel)
  level: RestrictionLevel;

  @Field(() => String)
  legalBasis: string;

  @Field(() => DateScalar)
  effectiveFrom: string;
}
