import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { readManager } from '../../../shared/read-snapshot';
import { CreditNoticeEntity } from '../entities/credit-notice.entity';
import type { CreditNotice } from '../types/record-credit-event.payload';
import { renderNoticeHtml, type NoticeFacts } from '../rules/credit-notice';
import { signedNoticePath } from './notice-link';
import type { SubjectScopeService } from './subject-scope.service';

/** Issued credit record notices, read back as issued: as GraphQL and as a printable HTML page. */
export class CreditNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectScopeService,
  ) {}

  /** The notice with this number; null when unknown or its subject is outside the caller's district. */
  async find(ctx: HubContext, number: string): Promise<CreditNotice | null> {
    const row = await this.row(ctx, number);
    return (
      row && {
        number: row.number,
        text: row.text,
        uscc: row.uscc,
        eventId: String(row.eventId),
        issuedOn: new Date(row.issuedAt).toISOString().slice(0, 10),
        htmlPath: `/notices/${encodeURIComponent(row.number)}`,
        printUrl: signedNoticePath(row.number, ctx.principal),
      }
    );
  }

  /** The printable page of the notice, every value escaped; null like `find`. */
  async html(ctx: HubContext, number: string): Promise<string | null> {
    const row = await this.row(ctx, number);
    return row && renderNoticeHtml(row.number, row.facts as NoticeFacts | null, row.text);
  }

  private async row(ctx: HubContext, number: string): Promise<CreditNoticeEntity | null> {
    if (number.length > 64) return null;
    const manager = await readManager(ctx, this.dataSource);
    const row = await manager.getRepository(CreditNoticeEntity).findOneBy({ number });
    if (!row || !(await this.subjects.subject(ctx, row.uscc))) return null;
    ctx.touchedUsccs.add(row.uscc);
    return row;
  }
}
