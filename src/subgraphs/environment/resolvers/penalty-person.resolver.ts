import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { ResponsiblePerson } from '../../../shared/responsible-person';
import { PenaltyPersonService } from '../services/penalty-person.service';
import { EnvEnterprise } from '../types/env-enterprise.type';
import { EnvPerson } from '../types/env-person.type';

/** The persons SERIOUS penalties name, for the credit office's joins (`@requires`); gateway only. */
@Resolver(() => EnvEnterprise)
export class EnterprisePenaltyPersonResolver {
  constructor(private readonly persons: PenaltyPersonService) {}

  @FieldResolver(() => [ResponsiblePerson], { nullable: true })
  @Directive('@inaccessible')
  envPenaltyPersons(@Ctx() ctx: HubContext, @Root() enterprise: EnvEnterprise): Promise<ResponsiblePerson[]> {
    return this.persons.personsOf(ctx, enterprise.uscc);
  }
}

@Resolver(() => EnvPerson)
export class PersonPenaltyResolver {
  constructor(private readonly persons: PenaltyPersonService) {}

  @FieldResolver(() => [ResponsiblePerson], { nullable: true })
  @Directive('@inaccessible')
  envPenaltyRecords(@Ctx() ctx: HubContext, @Root() person: EnvPerson): Promise<ResponsiblePerson[]> {
    return this.persons.recordsOfPerson(ctx, person.idNumber);
  }
}
