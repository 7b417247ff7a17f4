import { Field, ID, InputType } from 'type-graphql';
import { CreditListType } from '../../../shared/list-types';
import { DateScalar, UsccScalar } from '../../../shared/scalars';
import { ResponsiblePersonInput } from '../../../shared/responsible-person';

@InputType({ description: 'CREDIT_OFFICE: designates a subject on one of its lists.' })
export class DesignateCreditListingInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => CreditListType)
  listType: CreditListType;

  @Field(() => String, { nullable: true, description: 'Field of the designation; default ENVIRONMENT.' })
  field?: string | null;

  @Field(() => String)
  reason: string;

  @Field(() => String, { nullable: true, description: "Deciding authority; default the caller's agency." })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  documentNo?: string | null;

  @Field(() => DateScalar)
  listedOn: string;

  @Field(() => [ResponsiblePersonInput], {
    nullable: true,
    description: 'A SERIOUS_DISHONESTY designation may name its 法定代表人, 主要负责人 and 直接责任人 (name and resident ID number, check digit verified).',
  })
  responsiblePersons?: ResponsiblePersonInput[] | null;
}

@InputType({ description: 'CREDIT_OFFICE: ends a designation; the row stays with its removal date and reason.' })
export class RemoveCreditListingInput {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar)
  removedOn: string;

  @Field(() => String)
  removalReason: string;
}
