import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { readManager } from '../../../shared/read-snapshot';
import { personsFor, ResponsibleRecordKind, type CheckedPerson, type ResponsiblePerson, type ResponsiblePersonRole } from '../../../shared/responsible-person';

interface PersonRow {
  role: ResponsiblePersonRole;
  name: string;
  id_number: string;
  uscc: string;
  event_id: number;
  occurred_on: string;
  decision_no: string | null;
}

const SELECT = `
  SELECT p.role, p.name, p.id_number, p.uscc, p.event_id, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.decision_no
  FROM environment.penalty_responsible_person p
  JOIN environment.credit_event e ON e.id = p.event_id
  WHERE e.voided_at IS NULL`;

function toPerson(row: PersonRow): ResponsiblePerson {
  return {
    role: row.role,
    name: row.name,
    idNumber: row.id_number,
    uscc: row.uscc,
    recordKind: ResponsibleRecordKind.ENV_PENALTY,
    recordId: String(row.event_id),
    recordDate: row.occurred_on,
    documentNo: row.decision_no,
  };
}

/**
 * The responsible persons SERIOUS penalties name (environment's own table): stored with the
 * penalty, in its transaction; read per subject and per person. A voided penalty names nobody.
 */
export class PenaltyPersonService {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the persons `eventId` names, inside the event's transaction. */
  async storeFor(manager: EntityManager, eventId: number, uscc: string, persons: readonly CheckedPerson[]): Promise<void> {
    if (persons.length === 0) return;
    await manager.query(
      `INSERT INTO environment.penalty_responsible_person (event_id, uscc, role, name, id_number)
       SELECT $1, $2, role, name, id_number FROM unnest($3::varchar[], $4::varchar[], $5::varchar[]) AS t(role, name, id_number)`,
      [eventId, uscc, persons.map((p) => p.role), persons.map((p) => p.name), persons.map((p) => p.idNumber)],
    );
  }

  /**
   * The persons the subject's penalties name, oldest penalty first, as the caller may see them
   * (masked for every role but ENV_ADMIN and CREDIT_OFFICE). The subject reached this resolver through
   * `__resolveReference`, which applied the row scope.
   */
  async personsOf(ctx: HubContext, uscc: string): Promise<ResponsiblePerson[]> {
    const rows: PersonRow[] = await (await readManager(ctx, this.dataSource)).query(`${SELECT} AND p.uscc = $1 ORDER BY e.occurred_on, p.event_id, p.id`, [uscc]);
    return personsFor(ctx.principal, rows.map(toPerson));
  }

  /** Every penalty naming the person with `idNumber`, across subjects (the person look-up; ENV_ADMIN and CREDIT_OFFICE only). */
  async recordsOfPerson(ctx: HubContext, idNumber: string): Promise<ResponsiblePerson[]> {
    const rows: PersonRow[] = await (await readManager(ctx, this.dataSource)).query(`${SELECT} AND p.id_number = $1 ORDER BY e.occurred_on, p.event_id, p.id`, [idNumber]);
    return personsFor(ctx.principal, rows.map(toPerson));
  }
}
