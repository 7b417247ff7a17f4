import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/scalars';

export enum MarketListType {
  ABNORMAL_OPERATIONS = 'ABNORMAL_OPERATIONS',
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
}
registerEnumType(MarketListType, {
  name: 'MarketListType',
  description: '经营异常名录 (ABNORMAL_OPERATIONS) or 严重违法失信名单 (SERIOUS_ILLEGAL_DISHONEST).',
});

@ObjectType()
export class MarketListing {
  @Field(() => MarketListType)
  listType: MarketListType;

  @Field(() => String)
  reason: string;

  @Field(() => String)
  authority: string;

  @Field(() => String, { nullable: true })
  documentNo: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => DateScalar, { nullable: true })
  removedOn: string | null;
}
