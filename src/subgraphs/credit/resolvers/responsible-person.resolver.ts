import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../../shared/context';
import { ResponsiblePerson } from '../../../shared/responsible-person';
import { ListingPersonService } from '../services/listing-person.service';
import { CreditEnterprise } from '../types/credit-enterprise.type';
import { CreditPerson } from '../types/credit-person.type';

/** What the credit office reads of environment's penalty persons. */
const PERSON = '{ role name idNumber uscc recordKind recordId recordDate documentNo }';

@Resolver(() => CreditEnterprise)
export class EnterpriseResponsiblePersonResolver {
  constructor(private readonly persons: ListingPersonService) {}

  @FieldResolver(() => [ResponsiblePerson], {
    nullable: true,
    description:
      'The 法定代表人, 主要负责人 and 直接责任人 named by the subject\'s SERIOUS penalties and SERIOUS_DISHONESTY designations, each with its record, by the record\'s date. Name and ID number masked (张*, 3207**********1234) for every role but ENV_ADMIN and CREDIT_OFFICE.',
  })
  @Directive(`@requires(fields: "envPenaltyPersons ${PERSON}")`)
  responsiblePersons(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<ResponsiblePerson[]> {
    return this.persons.personsOf(ctx, enterprise.uscc, enterprise.envPenaltyPersons);
  }

  @FieldResolver(() => [ResponsiblePerson], {
    nullable: true,
    description:
      "ENV_ADMIN, CREDIT_OFFICE: the subject's legal representative as named on a SERIOUS_DISHONESTY designation in force of ANOTHER subject (each naming, with that subject's code). Empty when not linked.",
  })
  @Directive('@requires(fields: "legalRepresentativeIdFact")')
  linkedDishonestPersons(@Ctx() ctx: HubContext, @Root() enterprise: CreditEnterprise): Promise<ResponsiblePerson[]> {
    return this.persons.linkedDishonestOf(ctx, enterprise.uscc, enterprise.legalRepresentativeIdFact);
  }
}

@Resolver(() => CreditPerson)
export class PersonResolver {
  constructor(private readonly persons: ListingPersonService) {}

  @Query(() => CreditPerson, {
    nullable: true,
    description: 'ENV_ADMIN, CREDIT_OFFICE: a responsible person by resident ID number (BAD_USER_INPUT when not a valid one), with every record naming them across subjects.',
  })
  responsiblePerson(@Arg('idNumber', () => String) idNumber: string): CreditPerson {
    return this.persons.person(idNumber);
  }

  @FieldResolver(() => [ResponsiblePerson], { description: 'The SERIOUS penalties and SERIOUS_DISHONESTY designations naming the person, across subjects, by date.' })
  @Directive(`@requires(fields: "envPenaltyRecords ${PERSON}")`)
  records(@Ctx() ctx: HubContext, @Root() person: CreditPerson): Promise<ResponsiblePerson[]> {
    return this.persons.recordsOfPerson(ctx, person.idNumber, person.envPenaltyRecords);
  }
}
