import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar } from '../../../shared/scalars';

export enum DistributionGroup {
  DISTRICT = 'DISTRICT',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(DistributionGroup, { name: 'DistributionGroup' });

/**
 * The subjects behind one bucket, as the arguments of `searchEnterprises(filter:)`: its fields are
 * named like EnterpriseFilter's, so a client passes this object (without `__typename`) as the filter.
 */
@ObjectType({ description: 'The searchEnterprises filter that lists the subjects counted in a bucket (drill-down).' })
export class ColorBucketFilter {
  @Field(() => String, { nullable: true })
  districtCode: string | null;

  @Field(() => String, { nullable: true })
  industryCode: string | null;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => DateScalar)
  colorAsOf: string;
}

@ObjectType({ description: 'How many rated subjects of one group had one colour on a date.' })
export class ColorBucket {
  @Field(() => String, { description: 'District code or industry code; UNKNOWN when not recorded.' })
  group: string;

  @Field(() => String, {
    nullable: true,
    description: "The group's name: the district's (连云区 …; the province for a district of another city) or the industry's (GB/T 4754 class, else its section); null when unknown.",
  })
  groupName: string | null;

  @Field(() => CreditColor)
  color: CreditColor;

  @Field(() => Int, { description: 'Zero counts are included: every group the caller may see has a bucket for each of the five colours.' })
  count: number;

  @Field(() => ColorBucketFilter, {
    nullable: true,
    description: 'Drill-down: pass it as `searchEnterprises(filter:)` to page through the subjects counted here; null for the UNKNOWN industry group.',
  })
  filter: ColorBucketFilter | null;
}
