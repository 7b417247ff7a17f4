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

  @Field(() => DateScalar, { description: 'The day the hub learnt of the entry (DOMAIN.md §10 known-on dates); an answer as known on an earlier day leaves it out.' })
  recordedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the hub learnt of the removal; null while the entry lasts.' })
  removalRecordedOn: string | null;
}
