import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Principal } from './auth/principal';
import { rolesFor } from './auth/permission-table';
import { badInput } from './errors';
import { maskIdNumber, maskPersonName } from './personal-data';
import { DateScalar, UsccScalar } from './scalars';

/**
 * Responsible persons (有关人员) of a serious penalty or a serious-dishonesty listing, as the joint
 * punishment memorandum on environmental protection (关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录)
 * names them: the legal representative, the principal officer and the directly responsible persons.
 * Each department keeps the persons its own records name (environment: penalties; credit office:
 * listings); `Enterprise.responsiblePersons` joins them through federation.
 */
export enum ResponsiblePersonRole {
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
  PRINCIPAL_OFFICER = 'PRINCIPAL_OFFICER',
  DIRECTLY_RESPONSIBLE = 'DIRECTLY_RESPONSIBLE',
}
registerEnumType(ResponsiblePersonRole, {
  name: 'ResponsiblePersonRole',
  description: '法定代表人 (LEGAL_REPRESENTATIVE), 主要负责人 (PRINCIPAL_OFFICER), 直接责任人 (DIRECTLY_RESPONSIBLE).',
});

export enum ResponsibleRecordKind {
  ENV_PENALTY = 'ENV_PENALTY',
  CREDIT_LISTING = 'CREDIT_LISTING',
}
registerEnumType(ResponsibleRecordKind, {
  name: 'ResponsibleRecordKind',
  description: "The record that named the person: a SERIOUS penalty (environment's credit event) or a SERIOUS_DISHONESTY listing (credit office).",
});

@InputType({ description: 'A responsible person named by a serious penalty or a serious-dishonesty listing.' })
export class ResponsiblePersonInput {
  @Field(() => ResponsiblePersonRole)
  role: ResponsiblePersonRole;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: '18-character resident ID number (GB 11643, with its check digit).' })
  idNumber: string;
}

@ObjectType({ description: 'A person named by a record, with the record. Name and ID are masked for every role but ENV_ADMIN and CREDIT_OFFICE.' })
@Directive('@shareable')
export class ResponsiblePerson {
  @Field(() => ResponsiblePersonRole)
  role: ResponsiblePersonRole;

  @Field(() => String)
  name: string;

  @Field(() => String)
  idNumber: string;

  @Field(() => UsccScalar, { description: 'The subject the record is about.' })
  uscc: string;

  @Field(() => ResponsibleRecordKind)
  recordKind: ResponsibleRecordKind;

  @Field(() => ID, { description: "The record's id: the credit event's or the listing's." })
  recordId: string;

  @Field(() => DateScalar, { description: "The penalty's date (occurredOn) or the listing's (listedOn)." })
  recordDate: string;

  @Field(() => String, { nullable: true, description: 'The decision or document number of the record.' })
  documentNo: string | null;
}

/** A person as stored: what an input becomes once checked. */
export interface CheckedPerson {
  role: ResponsiblePersonRole;
  name: string;
  idNumber: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * Whether `id` is a resident ID number of GB 11643-1999: 17 digits (a division, a valid birth date,
 * a sequence) and the ISO 7064 MOD 11-2 check character. Written here: a dozen lines of a national
 * standard, for which no maintained npm package is worth a dependency.
 */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK_CHARS[sum % 11] === id[17];
}

/**
 * The persons of an input, trimmed (ID upper-cased), or BAD_USER_INPUT naming the first wrong field
 * (`<path>[i].name`, `<path>[i].idNumber`) with `extensions.field`. Nothing is written before this.
 */
export function checkResponsiblePersons(persons: readonly ResponsiblePersonInput[] | null | undefined, path: string): CheckedPerson[] {
  return (persons ?? []).map((person, i) => {
    const name = person.name.trim();
    if (name.length === 0 || name.length > 50) {
      const field = `${path}[${i}].name`;
      throw badInput(`${field} must be a name of 1 to 50 characters`, { field });
    }
    const idNumber = person.idNumber.trim().toUpperCase();
    if (!validResidentId(idNumber)) {
      const field = `${path}[${i}].idNumber`;
      throw badInput(`${field} is not a valid 18-character resident ID number (GB 11643: division, birth date, sequence and check digit)`, { field });
    }
    return { role: person.role, name, idNumber };
  });
}

/** Who reads responsible persons in full (and may look a person up): the roles of `Query.responsiblePerson`. */
export function maySeeResponsiblePersons(principal: Pick<Principal, 'role'>): boolean {
  return rolesFor('Query.responsiblePerson').includes(principal.role);
}

/** The persons as `principal` may see them: in full for ENV_ADMIN and CREDIT_OFFICE, masked for everyone else. */
export function personsFor<T extends { name: string; idNumber: string }>(principal: Pick<Principal, 'role'>, persons: T[]): T[] {
  if (maySeeResponsiblePersons(principal)) return persons;
  return persons.map((person) => ({ ...person, name: maskPersonName(person.name), idNumber: maskIdNumber(person.idNumber) }));
}
