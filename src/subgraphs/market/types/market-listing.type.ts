import { Directive, Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { MarketListType } from '../../../shared/list-types';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

/** An entry on a market-supervision list. Shareable: the credit office receives it through `@requires`. */
@ObjectType()
@Directive('@shareable')
export class MarketListing {
  @Field(() => ID)
  id: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => MarketListType)
  listType: MarketListType;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String)
  reason: string;

  @Field(() => String, { description: 'The deciding authority.' })
  authority: string;

  @Field(() => String, { nullable: true, description: 'Number of the listing decision.' })
  documentNo: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the entry ended; null while it lasts.' })
  removedOn: string | null;

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  removalReason: string | null;

  @Field(() => DateScalar, { description: 'The day the hub learnt of the entry (DOMAIN.md §10 known-on dates); an answer as known on an earlier day leaves it out.' })
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the hub learnt of the removal; null while the entry lasts.' })
  removalRecordedOn: string | null;
}
