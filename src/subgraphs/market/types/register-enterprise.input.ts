import { Field, InputType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType()
export class RegisterEnterpriseInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "A district of the city (320703, 320706, 320707, 320722, 320723, 320724, 320771, 320772) or, registered elsewhere, that place's six-digit division code." })
  districtCode: string;

  @Field(() => String, { nullable: true })
  industryCode?: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentativeIdNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Founding (registration) date.' })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Type of entity as registered, e.g. 有限责任公司.' })
  enterpriseType?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered capital in CNY as a decimal string, at most 2 decimals ("5000000.00").' })
  registeredCapital?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE (default for a new registration), SUSPENDED, REVOKED or CANCELLED; left out, an update keeps the stored status.' })
  registrationStatus?: string | null;
}
