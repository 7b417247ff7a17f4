import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { readManager } from '../../../shared/read-snapshot';
import {
  personsFor,
  type ResponsiblePersonRole,
  ResponsibleRecordKind,
  type CheckedPerson,
  type ResponsiblePerson,
  validResidentId,
} from '../../../shared/responsible-person';

interface PersonRow {
  role: ResponsiblePersonRole;
  name: string;
  id_number: string;
  uscc: string;
  listing_id: number;
  listed_on: string;
  document_no: string | null;
}

const SELECT = `
  SELECT p.role, p.name, p.id_number, p.uscc, p.listing_id, to_char(d.listed_on, 'YYYY-MM-DD') AS listed_on, d.document_no
  FROM credit.listing_responsible_person p
  JOIN credit.list_designation d ON d.id = p.listing_id`;

function toPerson(row: PersonRow): ResponsiblePerson {
  return {
    role: row.role,
    name: row.name,
    idNumber: row.id_number,
    uscc: row.uscc,
    recordKind: ResponsibleRecordKind.CREDIT_LISTING,
    recordId: String(row.listing_id),
    recordDate: row.listed_on,
    documentNo: row.document_no,
  };
}

const byDate = (a: ResponsiblePerson, b: ResponsiblePerson) => a.recordDate.localeCompare(b.recordDate) || a.recordKind.localeCompare(b.recordKind);

/**
 * The responsible persons SERIOUS_DISHONESTY designations name (the credit office's own table), and
 * the joins with environment's penalty persons, which arrive through federation (`@requires`).
 */
export class ListingPersonService {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the persons `listingId` names, inside the designation's transaction. */
  async storeFor(manager: EntityManager, listingId: number, uscc: string, persons: readonly CheckedPerson[]): Promise<void> {
    if (persons.length === 0) return;
    await manager.query(
      `INSERT INTO credit.listing_responsible_person (listing_id, uscc, role, name, id_number)
       SELECT $1, $2, role, name, id_number FROM unnest($3::varchar[], $4::varchar[], $5::varchar[]) AS t(role, name, id_number)`,
      [listingId, uscc, persons.map((p) => p.role), persons.map((p) => p.name), persons.map((p) => p.idNumber)],
    );
  }

  /**
   * `Enterprise.responsiblePersons`: the persons the subject's listings name (masked for every role
   * but ENV_ADMIN and CREDIT_OFFICE) and those its penalties name (as environment gave them, masked
   * there the same way), by the record's date.
   */
  async personsOf(ctx: HubContext, uscc: string, fromPenalties: readonly ResponsiblePerson[] | null | undefined): Promise<ResponsiblePerson[]> {
    const rows: PersonRow[] = await (await readManager(ctx, this.dataSource)).query(`${SELECT} WHERE p.uscc = $1 ORDER BY d.listed_on, p.listing_id, p.id`, [uscc]);
    return [...personsFor(ctx.principal, rows.map(toPerson)), ...(fromPenalties ?? [])].sort(byDate);
  }

  /** The person with `idNumber` (the look-up's entity), or BAD_USER_INPUT naming `idNumber` when it is not a valid resident ID number. */
  person(idNumber: string): { idNumber: string } {
    const normalized = idNumber.trim().toUpperCase();
    if (!validResidentId(normalized)) {
      throw badInput('idNumber is not a valid 18-character resident ID number (GB 11643: division, birth date, sequence and check digit)', { field: 'idNumber' });
    }
    return { idNumber: normalized };
  }

  /** The person look-up: every listing and penalty naming the person, across subjects, by date. */
  async recordsOfPerson(ctx: HubContext, idNumber: string, fromPenalties: readonly ResponsiblePerson[] | null | undefined): Promise<ResponsiblePerson[]> {
    const rows: PersonRow[] = await (await readManager(ctx, this.dataSource)).query(`${SELECT} WHERE p.id_number = $1 ORDER BY d.listed_on, p.listing_id, p.id`, [idNumber]);
    return [...personsFor(ctx.principal, rows.map(toPerson)), ...(fromPenalties ?? [])].sort(byDate);
  }

  /**
   * The subject's link (DOMAIN.md §11, responsible persons): the naming, on a SERIOUS_DISHONESTY
   * designation in force today of ANOTHER subject, of the person who is this subject's legal
   * representative (`legalRepresentativeIdNumber`, market supervision's, through `@requires`).
   */
  async linkedDishonestOf(ctx: HubContext, uscc: string, legalRepresentativeIdNumber: string | null | undefined): Promise<ResponsiblePerson[]> {
    if (!legalRepresentativeIdNumber) return [];
    const rows: PersonRow[] = await (await readManager(ctx, this.dataSource)).query(
      `${SELECT}
       WHERE p.id_number = $1 AND p.uscc <> $2 AND d.list_type = 'SERIOUS_DISHONESTY'
         AND d.listed_on <= $3 AND (d.removed_on IS NULL OR d.removed_on > $3)
       ORDER BY d.listed_on, p.listing_id, p.id`,
      [legalRepresentativeIdNumber, uscc, today()],
    );
    return personsFor(ctx.principal, rows.map(toPerson));
  }
}
