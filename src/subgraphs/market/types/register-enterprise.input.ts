import { Field, InputType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType()
export class RegisterEnterpriseInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Six-digit administrative division code.' })
  districtCode: string;

  @Field(() => String, { nullable: true })
  industryCode?: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true })
  legalRepresentativeIdNumber?: string | null;

  @Field(() => DateScalar, { nullable: true })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE (default), SUSPENDED, REVOKED or CANCELLED.' })
  registrationStatus?: string | null;
}
