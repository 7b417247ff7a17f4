import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { facts } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { recordChange } from '../../../shared/changes/change-events';
import { listingChange } from './market-listing.service';
import { RegistrationEntity } from '../entities/registration.entity';
import { SuccessionEntity } from '../entities/succession.entity';
import { successionsFromLoader, successionsToLoader } from '../loaders/registration.loader';
import { SuccessionKind, type RecordSuccessionInput, type Succession } from '../types/succession.type';

/**
 * Successions (继受, DOMAIN.md §11 "Successors"; 民法典 第六十七条: a legal person's rights and
 * obligations pass on a merger to the merged-into or new legal person, on a split to the legal
 * persons after the split).
 *
 * Market supervision records the succession (`market.succession`) and ends the registration of
 * each predecessor that does not live on (every `from` of a merger and a deregistration; a split's
 * `from` as well: 新设分立, the old subject dissolves). Its own list entries are copied to the
 * successors here; the bureau's events (and with them score, colour and colour periods) and the
 * credit office's designations are theirs to copy: each department is told from inside this
 * transaction (the hub-internal @inaccessible `followSuccession` of environment and credit), as a
 * registration move is (`followRegistrationDistrict`). If either cannot follow, this transaction
 * rolls back; a department that had already committed its copies keeps them, and recording the
 * succession again copies nothing twice (each copy names its original, unique per successor).
 */
export class SuccessionService {
  constructor(private readonly dataSource: DataSource) {}

  async record(ctx: HubContext, input: RecordSuccessionInput): Promise<Succession> {
    const from = [...new Set(input.from)];
    const to = [...new Set(input.to)];
    if (from.length !== input.from.length || to.length !== input.to.length) throw badInput('from and to must not name a code twice');
    if (from.length === 0) throw badInput('from must name at least one subject');
    const self = from.find((uscc) => to.includes(uscc));
    if (self) throw badInput(`${self} cannot succeed itself: a subject is never its own successor (rule: no self-succession)`, { rule: 'NO_SELF_SUCCESSION' });
    switch (input.kind) {
      case SuccessionKind.MERGER:
        if (to.length !== 1) throw badInput(`a MERGER has exactly one successor (the surviving or new subject), got ${to.length}`);
        break;
      case SuccessionKind.SPLIT:
        if (from.length !== 1) throw badInput(`a SPLIT divides exactly one subject, got ${from.length} in from`);
        if (to.length < 2) throw badInput(`a SPLIT has at least two successors, got ${to.length}`);
        break;
      case SuccessionKind.DEREGISTRATION:
        if (to.length > 1) throw badInput(`a DEREGISTRATION has at most one successor, got ${to.length}`);
        break;
    }
    if (input.on > today()) throw badInput(`on ${input.on} is in the future`);

    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const registrations = manager.getRepository(RegistrationEntity);
      // Locks every code of the record (in code order, against deadlocks): two successions that
      // would close a cycle between them are serialised, and the second one sees the first.
      const codes = [...from, ...to].sort();
      const rows = await registrations.createQueryBuilder('r').setLock('pessimistic_write').where('r.uscc IN (:...codes)', { codes }).orderBy('r.uscc').getMany();
      const known = new Map(rows.map((row) => [row.uscc, row]));
      const unknown = codes.filter((uscc) => !known.has(uscc));
      if (unknown.length > 0) throw badInput(`not registered with market supervision: ${unknown.join(', ')}`, { rule: 'REGISTERED_CODES' });
      const cycle = await this.cycleThrough(manager, from, to);
      if (cycle) throw badInput(`the succession would close a cycle: ${cycle.join(' → ')} (rule: no succession cycle)`, { rule: 'NO_SUCCESSION_CYCLE' });
      const ended = from.find((uscc) => known.get(uscc)!.status === 'CANCELLED');
      if (ended) throw badInput(`${ended} is already deregistered (CANCELLED); its record has passed on`, { rule: 'ALREADY_DEREGISTERED' });

      const recordId = randomUUID();
      const source = `recordSuccession by ${ctx.principal.clientId} (request ${ctx.requestId})`;
      const pairs = from.flatMap((fromUscc) => (to.length > 0 ? to : [null]).map((toUscc) => ({ recordId, kind: input.kind, fromUscc, toUscc, effectiveOn: input.on, source })));
      await manager.getRepository(SuccessionEntity).insert(pairs);
      await registrations.update(from, { status: 'CANCELLED', updatedAt: new Date() });
      if (to.length > 0) {
        await this.inheritListEntries(manager, from, to);
        await facts(ctx).followSuccession({ kind: input.kind, from, to: to.map((uscc) => ({ uscc, districtCode: known.get(uscc)!.districtCode })), source }, ctx);
      }
      for (const uscc of codes) ctx.touchedUsccs.add(uscc);
      return { id: recordId, kind: input.kind, from, to, on: input.on };
    });
  }

  /**
   * A path from one of `to` back to one of `from` along recorded successions (predecessor →
   * successor), which the new record would close into a cycle; null when there is none.
   */
  private async cycleThrough(manager: EntityManager, from: string[], to: string[]): Promise<string[] | null> {
    if (to.length === 0) return null;
    const rows: { path: string[] }[] = await manager.query(
      `WITH RECURSIVE reach(uscc, path) AS (
         SELECT t, ARRAY[t]::varchar[] FROM unnest($1::varchar[]) AS t
         UNION
         SELECT s.to_uscc, reach.path || s.to_uscc::varchar
           FROM market.succession s JOIN reach ON s.from_uscc = reach.uscc
          WHERE s.to_uscc IS NOT NULL AND NOT s.to_uscc = ANY(reach.path)
       )
       SELECT path FROM reach WHERE uscc = ANY($2::varchar[]) LIMIT 1`,
      [to, from],
    );
    if (rows.length === 0) return null;
    const path = rows[0].path;
    // from → path[0] (the new record) … → path[last] = a `from`.
    return [path[path.length - 1], ...path];
  }

  /** Market supervision's own list entries of `from`, copied to each of `to` (dates unchanged). */
  private async inheritListEntries(manager: EntityManager, from: string[], to: string[]): Promise<void> {
    const copied: { uscc: string; listType: string; listedOn: string; removedOn: string | null; documentNo: string | null }[] = await manager.query(
      `INSERT INTO market.list_entry (uscc, list_type, reason, authority, document_no, listed_on, removed_on, removal_reason, recorded_on, removal_recorded_on, inherited_from)
       SELECT t, e.list_type, e.reason, e.authority, e.document_no, e.listed_on, e.removed_on, e.removal_reason,
              greatest(e.recorded_on, $3::date), CASE WHEN e.removed_on IS NULL THEN NULL ELSE greatest(e.removal_recorded_on, $3::date) END, e.id
         FROM market.list_entry e CROSS JOIN unnest($2::varchar[]) AS t
        WHERE e.uscc = ANY($1::varchar[])
       ON CONFLICT DO NOTHING
       RETURNING uscc, list_type AS "listType", listed_on::text AS "listedOn", removed_on::text AS "removedOn", document_no AS "documentNo"`,
      [from, to, today()],
    );
    // An entry in force that a successor now carries reaches subscribers like a new one.
    for (const row of copied) if (row.removedOn === null) await recordChange(manager, listingChange(row, true));
  }

  /**
   * Where the record of `uscc` went: its successor when its latest succession names exactly one
   * (a merger, a deregistration with successor); null when it has none or was split (see `successors`).
   */
  async successor(ctx: HubContext, uscc: string): Promise<string | null> {
    const to = await this.successors(ctx, uscc);
    return to.length === 1 ? to[0] : null;
  }

  /** Every successor of `uscc`'s latest succession (all parts of a split), in code order. */
  async successors(ctx: HubContext, uscc: string): Promise<string[]> {
    const rows = await successionsFromLoader(ctx, this.dataSource).load(uscc);
    const latest = rows[rows.length - 1]?.recordId;
    return rows.filter((row) => row.recordId === latest && row.toUscc !== null).map((row) => row.toUscc!).sort();
  }

  /** The subjects whose records passed to `uscc`, in code order. */
  async predecessors(ctx: HubContext, uscc: string): Promise<string[]> {
    const rows = await successionsToLoader(ctx, this.dataSource).load(uscc);
    return [...new Set(rows.map((row) => row.fromUscc))].sort();
  }
}
