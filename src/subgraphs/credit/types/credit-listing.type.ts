import { Directive, Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { MaskPersonalData } from '../../../shared/personal-data';
import { CreditListType } from '../../../shared/list-types';
import { DateScalar } from '../../../shared/scalars';

@ObjectType({ description: 'A designation on a credit-office list.' })
@Directive('@shareable')
export class CreditListing {
  @Field(() => ID)
  id: string;

  @Field(() => CreditListType)
  listType: CreditListType;

  @Field(() => String)
  field: string;

  @UseMiddleware(MaskPersonalData)
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

  @UseMiddleware(MaskPersonalData)
  @Field(() => String, { nullable: true })
  removalReason: string | null;
}
