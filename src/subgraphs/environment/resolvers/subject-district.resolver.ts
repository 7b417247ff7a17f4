import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { UsccScalar } from '../../../shared/scalars';
import { SubjectDistrictService } from '../services/subject-district.service';

@Resolver()
export class SubjectDistrictResolver {
  constructor(private readonly districts: SubjectDistrictService) {}

  @Mutation(() => Boolean, {
    description: "Hub-internal (@inaccessible): market supervision moved the subject's registration to `districtCode`; true when a rated subject moved.",
  })
  @Directive('@inaccessible')
  followRegistrationDistrict(
    @Ctx() ctx: HubContext,
    @Arg('uscc', () => UsccScalar) uscc: string,
    @Arg('districtCode', () => String) districtCode: string,
    @Arg('source', () => String) source: string,
  ): Promise<boolean> {
    return this.districts.follow(ctx, uscc, districtCode, source);
  }
}
