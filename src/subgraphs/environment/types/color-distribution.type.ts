import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';

export enum DistributionGroup {
  DISTRICT = 'DISTRICT',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(DistributionGroup, { name: 'DistributionGroup' });

@ObjectType({ description: 'How many rated subjects of one group had one colour on a date.' })
export class ColorBucket {
  @Field(() => String, { description: 'District code or industry code; UNKNOWN when not recorded.' })
  group: string;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int)
  count: number;
}
