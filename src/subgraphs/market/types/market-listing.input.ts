import { Field, ID, InputType } from 'type-graphql';
import { MarketListType } from '../../../shared/list-types';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType({ description: 'Puts a registered subject on a market-supervision list.' })
export class AddMarketListingInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => MarketListType)
  listType: MarketListType;

  @Field(() => String)
  reason: string;

  @Field(() => String, { nullable: true, description: "Deciding authority; default the caller's agency." })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  documentNo?: string | null;

  @Field(() => DateScalar)
  listedOn: string;
}

@InputType({ description: 'Ends a list entry; the entry keeps its row with the removal date and reason.' })
export class RemoveMarketListingInput {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  removedOn: string;

  @Field(() => String)
  removalReason: string;
}
