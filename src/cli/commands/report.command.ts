import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import type { Principal } from '../../shared/auth/principal';
import { loadConfig } from '../../shared/config';
import { commandContext, operatorPrincipal } from '../../shared/context';
import { startHub } from '../../hub/hub';
import { renderAnnualCsv, renderAnnualPdf } from '../../apps/reports/render/annual-report.render';
import type { CommandArgs } from '../command-args';

/**
 * `ecocredit report subject <uscc>` and `ecocredit report annual <year>`: the same services as
 * `issueCreditReport` and `annualSupervisionReport`, run by the bureau's operator (as ENV_ADMIN, like
 * `clients`). Reports execute the hub's own API, so the command runs a hub in-process (on a free
 * port, no demo seeding) over DATABASE_URL or the embedded database. A subject report is issued,
 * stored, signed and audited like one asked through GraphQL. The dispatcher has checked the arguments.
 */
export async function run({ positionals, values }: CommandArgs): Promise<number> {
  const [kind, subject] = positionals;
  const config = { ...loadConfig(), port: 0 };
  const operator: Principal = { ...operatorPrincipal('report'), agency: config.reports.bureau };
  const hub = await startHub({ config, seedDemo: false });
  try {
    if (kind === 'subject') {
      const format = (values.format as 'pdf' | 'html' | undefined) ?? 'pdf';
      const ctx = commandContext(operator, 'Command.report.subject');
      const report = await hub.reports.credit.issue(ctx, { uscc: subject, asOf: (values['as-of'] as string | undefined) ?? null, purpose: (values.purpose as string | undefined) ?? 'SUPERVISION' });
      const document = await hub.reports.credit.document('link', report.number, format);
      const out = (values.out as string | undefined) ?? `${report.number}.${format}`;
      writeFileSync(out, document!.body);
      console.log(`report ${report.number} for ${report.uscc} as of ${report.asOf}, valid until ${report.validUntil}`);
      console.log(`verification code ${report.verificationCode}; check at ${hub.reports.credit.verifyUrl(report.number, report.verificationCode)}`);
      console.log(`written to ${out}`);
      return 0;
    }
    const year = Number(subject);
    const format = (values.format as 'pdf' | 'csv' | undefined) ?? 'pdf';
    const data = await hub.reports.annual.build(operator, year);
    const out = (values.out as string | undefined) ?? `annual-${year}.${format}`;
    writeFileSync(out, format === 'csv' ? renderAnnualCsv(data) : await renderAnnualPdf(data, config.reports.bureau, new Date()));
    console.log(`yearly summary ${year} (${data.from} to ${data.to}): ${data.subjectsRated} subjects rated; written to ${out}`);
    return 0;
  } finally {
    await hub.stop();
  }
}
