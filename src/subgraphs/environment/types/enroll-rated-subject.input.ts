import { Field, InputType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType()
export class EnrollRatedSubjectInput {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => DateScalar)
  ratedFrom: string;

  @Field(() => String, { nullable: true, description: "Optional check: the supervising district is always the market registration's, and a different one here is refused." })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 industry code from the discharge-permit register.' })
  industryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ENTERPRISE (default), EIA_AGENCY, MONITORING_AGENCY, OM_AGENCY or TREATMENT_AGENCY.' })
  subjectKind?: string | null;
}
