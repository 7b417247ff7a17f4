import type { DataSource } from 'typeorm';
import { HUB_SYSTEM_PRINCIPAL } from '../../../shared/auth/principal';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { forbidden } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { recordChange } from '../../../shared/changes/change-events';
import { listingChange } from './credit-listing.service';

const COPIED = 'uscc, list_type AS "listType", listed_on::text AS "listedOn", removed_on::text AS "removedOn", document_no AS "documentNo"';
type CopiedListing = { uscc: string; listType: string; listedOn: string; removedOn: string | null; documentNo: string | null };

/**
 * The credit office's side of a succession (DOMAIN.md §11 Successors), told by market supervision
 * through the hub-internal @inaccessible `followSuccessionListings` from inside the transaction that
 * records it: each successor gets a copy of every designation of every predecessor, current and
 * removed, with its list, reason, authority and dates unchanged; the copy names its original
 * (`inherited_from`, unique per successor), so telling the office twice copies nothing twice. The
 * copies become known to the hub today (`recorded_on`, and `removal_recorded_on` for a removed one).
 */
export class SuccessionListingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many designations the successors inherited. */
  async follow(ctx: HubContext, from: readonly string[], to: readonly string[]): Promise<number> {
    if (ctx.principal.clientId !== HUB_SYSTEM_PRINCIPAL.clientId) throw forbidden('only the hub follows successions');
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const copied: CopiedListing[] = await manager.query(
        `INSERT INTO credit.list_designation (uscc, list_type, field, reason, authority, document_no, listed_on, removed_on, removal_reason, recorded_on, removal_recorded_on, inherited_from)
         SELECT t, d.list_type, d.field, d.reason, d.authority, d.document_no, d.listed_on, d.removed_on, d.removal_reason,
                greatest(d.recorded_on, $3::date), CASE WHEN d.removed_on IS NULL THEN NULL ELSE greatest(d.removal_recorded_on, $3::date) END, d.id
           FROM credit.list_designation d CROSS JOIN unnest($2::varchar[]) AS t
          WHERE d.uscc = ANY($1::varchar[])
          ORDER BY d.id
         ON CONFLICT DO NOTHING
         RETURNING ${COPIED}`,
        [from, to, today()],
      );
      // A designation in force that a successor now carries reaches subscribers like a new one.
      for (const row of copied) if (row.removedOn === null) await recordChange(manager, listingChange(row, true));
      for (const uscc of to) ctx.touchedUsccs.add(uscc);
      return copied.length;
    });
  }
}
