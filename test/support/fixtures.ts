import { withCheckCharacter } from '../../src/shared/uscc';
import type { TestHub } from './test-hub';
import { EnrollRatedSubjectDocument, RegisterEnterpriseDocument } from '../generated/graphql';

let serial = 0;

/** A fresh valid code in `district`, distinct within the test run. */
export function newUscc(district = '320706'): string {
  serial += 1;
  const org = `MA${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(4, '0')}`;
  return withCheckCharacter(`91${district}${org}`);
}

/** Registers an enterprise and enrols it in the rating scope, as the bureau's admin would. */
export async function ratedEnterprise(
  hub: TestHub,
  options: { district?: string; ratedFrom?: string; industryCode?: string; name?: string; division?: string } = {},
): Promise<string> {
  const district = options.district ?? '320706';
  // The code's division digits: the district's own by default; 320700 (city level) for a subject that may move.
  const uscc = newUscc(options.division ?? district);
  const registered = await hub.execute(
    RegisterEnterpriseDocument,
    { input: { uscc, name: options.name ?? `测试企业${uscc.slice(-6)}`, districtCode: district, industryCode: options.industryCode ?? 'C2614' } },
    { key: 'demo-env-admin' },
  );
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  const enrolled = await hub.execute(
    EnrollRatedSubjectDocument,
    { input: { uscc, ratedFrom: options.ratedFrom ?? '2024-01-01', districtCode: district, industryCode: options.industryCode ?? 'C2614' } },
    { key: 'demo-env-admin' },
  );
  if (enrolled.errors) throw new Error(JSON.stringify(enrolled.errors));
  return uscc;
}
