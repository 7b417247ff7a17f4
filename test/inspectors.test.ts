import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import {
  AddInspectorConflictDocument,
  AddInspectorDocument,
  DrawWithInspectorsDocument,
  InspectionDrawWithInspectorsDocument,
  InspectorPoolDocument,
  PublicInspectionResultsDocument,
  RecordEventDocument,
  RecordInspectionResultDocument,
  RemoveInspectorConflictDocument,
  RemoveInspectorDocument,
} from './generated/graphql';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };
/** Haizhou: the officer's district; Ganyu: a district the tests keep free of conflicts, for balance. */
const HAIZHOU = '320706';
const GANYU = '320707';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 300 });
});

afterAll(async () => {
  await hub?.stop();
});

async function draw(input: Record<string, unknown>, key = ADMIN) {
  const response = await hub.execute(DrawWithInspectorsDocument, { input }, key);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.drawInspections;
}

async function pool(districtCode: string) {
  const response = await hub.execute(InspectorPoolDocument, { districtCode }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.inspectors;
}

async function districtOf(uscc: string): Promise<string> {
  const [row] = await hub.sql<{ district_code: string }>(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc]);
  return row.district_code;
}

describe('the second random: inspectors drawn for each drawn subject', () => {
  it('gives each drawn subject two distinct inspectors of its own district, stored and replayed', async () => {
    const result = await draw({ rate: 0.3, seed: 'second-random' });
    expect(result.selected.length).toBeGreaterThan(20);
    expect(result.inspectorAlgorithm).toBe('least-assigned-v1');
    for (const subject of result.selected) {
      expect(subject.inspectors, subject.uscc).toHaveLength(2);
      expect(subject.inspectors[0].id).not.toBe(subject.inspectors[1].id);
      const district = await districtOf(subject.uscc);
      for (const inspector of subject.inspectors) expect(inspector.districtCode).toBe(district);
    }
    const stored = await hub.execute(InspectionDrawWithInspectorsDocument, { id: result.id }, ADMIN);
    expect(stored.data!.inspectionDraw).toEqual(result);
    expect(result.reproducible).toBe(true);

    // An assignment altered in the database no longer replays.
    await hub.sql(`UPDATE environment.inspection_draw SET assignments = jsonb_set(assignments, '{0,inspectorIds}', '[]') WHERE id = $1`, [Number(result.id)]);
    const altered = await hub.execute(InspectionDrawWithInspectorsDocument, { id: result.id }, ADMIN);
    expect(altered.data!.inspectionDraw!.reproducible).toBe(false);
    await hub.sql(`DELETE FROM environment.inspection_draw WHERE id = $1`, [Number(result.id)]);
  });

  it('assigns the same inspectors for the same seed over the same pool, others for another seed', async () => {
    const first = await draw({ rate: 0.5, districtCode: HAIZHOU, seed: 'same-seed' });
    // Take the draw back, so that the pool's workload is as it was, and draw again with the same seed.
    await hub.sql(`DELETE FROM environment.inspection_draw WHERE id = $1`, [Number(first.id)]);
    const second = await draw({ rate: 0.5, districtCode: HAIZHOU, seed: 'same-seed' });
    expect(second.selected).toEqual(first.selected);
    await hub.sql(`DELETE FROM environment.inspection_draw WHERE id = $1`, [Number(second.id)]);
    const other = await draw({ rate: 0.5, districtCode: HAIZHOU, seed: 'other-seed' });
    expect(other.selected.map((s) => s.inspectors)).not.toEqual(first.selected.map((s) => s.inspectors));
    await hub.sql(`DELETE FROM environment.inspection_draw WHERE id = $1`, [Number(other.id)]);
  });

  it('balances the workload across a district’s pool: max − min ≤ 1', async () => {
    const members = await pool(GANYU);
    expect(members.length).toBeGreaterThanOrEqual(4);
    expect(members.every((m) => m.assignments === 0)).toBe(true);
    let drawn = 0;
    for (const seed of ['balance-1', 'balance-2', 'balance-3']) {
      const result = await draw({ rate: 0.7, districtCode: GANYU, seed });
      drawn += result.selected.length;
      const loads = (await pool(GANYU)).map((m) => m.assignments);
      expect(loads.reduce((a, b) => a + b, 0)).toBe(2 * drawn);
      expect(Math.max(...loads) - Math.min(...loads), `${seed}: ${loads.join(',')}`).toBeLessThanOrEqual(1);
    }
    expect(drawn).toBeGreaterThan(members.length);
  });

  it('never assigns an inspector in conflict with the subject, and refuses a draw that cannot staff a subject', async () => {
    const population = await draw({ rate: 1, districtCode: HAIZHOU, seed: 'haizhou-all' });
    await hub.sql(`DELETE FROM environment.inspection_draw WHERE id = $1`, [Number(population.id)]);
    const target = population.selected[0].uscc;
    const members = (await pool(HAIZHOU)).filter((m) => m.active);
    const conflicted = members.slice(0, members.length - 2);
    for (const member of conflicted) {
      const added = await hub.execute(AddInspectorConflictDocument, { input: { inspectorId: member.id, uscc: target, reason: '曾在该企业任职' } }, OFFICER);
      expect(added.errors).toBeUndefined();
      expect(added.data!.addInspectorConflict.conflicts).toEqual([{ uscc: target, reason: '曾在该企业任职' }]);
    }
    for (const seed of ['conflict-1', 'conflict-2', 'conflict-3']) {
      const result = await draw({ rate: 1, districtCode: HAIZHOU, seed });
      const subject = result.selected.find((s) => s.uscc === target)!;
      expect(subject.inspectors.map((i) => i.id).sort()).toEqual(members.slice(-2).map((m) => m.id).sort());
      for (const other of result.selected) expect(other.inspectors).toHaveLength(2);
    }

    // One more conflict leaves a single eligible inspector: the draw is refused, naming the district and the subject, and nothing is stored.
    const [{ count: before }] = await hub.sql<{ count: string }>(`SELECT count(*) FROM environment.inspection_draw`);
    const last = members[members.length - 1];
    expect((await hub.execute(AddInspectorConflictDocument, { input: { inspectorId: last.id, uscc: target, reason: '亲属关系' } }, ADMIN)).errors).toBeUndefined();
    const refused = await hub.execute(DrawWithInspectorsDocument, { input: { rate: 1, districtCode: HAIZHOU, seed: 'short' } }, ADMIN);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toContain(`${target} in district ${HAIZHOU} (1 eligible)`);
    const [{ count: after }] = await hub.sql<{ count: string }>(`SELECT count(*) FROM environment.inspection_draw`);
    expect(after).toBe(before);

    // Lifting the conflict lets the draw through again.
    const lifted = await hub.execute(RemoveInspectorConflictDocument, { input: { inspectorId: last.id, uscc: target } }, ADMIN);
    expect(lifted.data!.removeInspectorConflict.conflicts).toEqual([]);
    const again = await draw({ rate: 1, districtCode: HAIZHOU, seed: 'short' });
    expect(again.selected.find((s) => s.uscc === target)!.inspectors).toHaveLength(2);
  });
});

describe('the inspector pool', () => {
  it('is managed by ENV_ADMIN everywhere and by an ENV_OFFICER in its own district only', async () => {
    const added = await hub.execute(AddInspectorDocument, { input: { name: '周明', districtCode: HAIZHOU } }, OFFICER);
    expect(added.data!.addInspector).toMatchObject({ name: '周明', districtCode: HAIZHOU, active: true, assignments: 0, conflicts: [] });

    const elsewhere = await hub.execute(AddInspectorDocument, { input: { name: '吴刚', districtCode: GANYU } }, OFFICER);
    expect(errorCodes(elsewhere)).toEqual(['FORBIDDEN']);
    const foreign = (await pool(GANYU))[0];
    const removeForeign = await hub.execute(RemoveInspectorDocument, { id: foreign.id }, OFFICER);
    expect(errorCodes(removeForeign)).toEqual(['BAD_USER_INPUT']);
    expect(removeForeign.errors![0].message).toContain(`inspector ${foreign.id} does not exist`);
    const officerView = await hub.execute(InspectorPoolDocument, {}, OFFICER);
    expect(new Set(officerView.data!.inspectors.map((m) => m.districtCode))).toEqual(new Set([HAIZHOU]));

    const notCity = await hub.execute(AddInspectorDocument, { input: { name: '吴刚', districtCode: '110101' } }, ADMIN);
    expect(errorCodes(notCity)).toEqual(['BAD_USER_INPUT']);
    for (const role of [{ key: 'demo-bank' }, {}]) {
      expect(errorCodes(await hub.execute(AddInspectorDocument, { input: { name: '吴刚', districtCode: HAIZHOU } }, role))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await hub.execute(InspectorPoolDocument, {}, role))).toEqual(['FORBIDDEN']);
    }

    const removed = await hub.execute(RemoveInspectorDocument, { id: added.data!.addInspector.id }, OFFICER);
    expect(removed.data!.removeInspector.active).toBe(false);
    const result = await draw({ rate: 1, districtCode: HAIZHOU, seed: 'after-removal' });
    expect(result.selected.flatMap((s) => s.inspectors).some((i) => i.id === added.data!.addInspector.id)).toBe(false);
  });
});

describe('一公开: inspection results', () => {
  it('records results in scope and publishes them, with the 20-working-day limit by the holiday calendar', async () => {
    // Drawn on the Mid-Autumn Friday 2026-09-25 and inspected on Monday 2026-09-28: 20 working days
    // later, counting the National Day week off and the make-up Saturday 2026-10-10, is 2026-10-30.
    const result = await draw({ sampleSize: 3, districtCode: HAIZHOU, seed: 'results', asOf: '2026-09-25' });
    const [clean, faulty, later] = result.selected.map((s) => s.uscc);

    const noProblem = await hub.execute(
      RecordInspectionResultDocument,
      { input: { drawId: result.id, uscc: clean, inspectedOn: '2026-09-28', outcome: 'NO_PROBLEM', summary: '现场检查未发现问题' } },
      OFFICER,
    );
    expect(noProblem.errors).toBeUndefined();
    expect(noProblem.data!.recordInspectionResult).toMatchObject({ uscc: clean, districtCode: HAIZHOU, outcome: 'NO_PROBLEM', eventIds: [], publishBy: '2026-10-30', publishedOn: today(), publishedLate: true });

    const event = await hub.execute(RecordEventDocument, { input: { uscc: faulty, type: 'FINE', occurredOn: today(), decisionNo: `连环罚〔${faulty.slice(-4)}〕` } }, ADMIN);
    expect(event.errors).toBeUndefined();
    const eventId = event.data!.recordCreditEvent.event.id;
    const problems = await hub.execute(
      RecordInspectionResultDocument,
      { input: { drawId: result.id, uscc: faulty, inspectedOn: today(), outcome: 'PROBLEMS_FOUND', eventIds: [eventId], summary: '超标排放，已立案处罚' } },
      ADMIN,
    );
    expect(problems.errors).toBeUndefined();
    expect(problems.data!.recordInspectionResult).toMatchObject({ outcome: 'PROBLEMS_FOUND', eventIds: [eventId], publishedLate: false });

    // Refusals, each naming what is wrong, none writing a row.
    const refusals: [Record<string, unknown>, string][] = [
      [{ uscc: clean, inspectedOn: '2026-09-29', outcome: 'NO_PROBLEM', summary: '再次' }, 'already recorded'],
      [{ uscc: later, inspectedOn: '2026-09-24', outcome: 'NO_PROBLEM', summary: '早于抽取' }, "before the draw's day 2026-09-25"],
      [{ uscc: later, inspectedOn: today(), outcome: 'PROBLEMS_FOUND', eventIds: [eventId], summary: '他人事件' }, `not credit events of ${later}`],
      [{ uscc: later, inspectedOn: today(), outcome: 'PROBLEMS_FOUND', summary: '无事件' }, 'names the credit events'],
      [{ uscc: later, inspectedOn: today(), outcome: 'NO_PROBLEM', eventIds: [eventId], summary: '矛盾' }, 'names no events'],
    ];
    const outsider = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject WHERE district_code = $1 AND NOT (uscc = ANY($2)) LIMIT 1`, [HAIZHOU, result.selected.map((s) => s.uscc)]))[0].uscc;
    refusals.push([{ uscc: outsider, inspectedOn: today(), outcome: 'NO_PROBLEM', summary: '未抽中' }, `${outsider} was not drawn by draw ${result.id}`]);
    for (const [input, message] of refusals) {
      const refused = await hub.execute(RecordInspectionResultDocument, { input: { drawId: result.id, ...input } as never }, ADMIN);
      expect(errorCodes(refused), message).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].message).toContain(message);
    }
    const [{ count }] = await hub.sql<{ count: string }>(`SELECT count(*) FROM environment.inspection_result WHERE draw_id = $1`, [Number(result.id)]);
    expect(Number(count)).toBe(2);

    // An officer of another district may not record; the public reads what was recorded.
    const ganyuDraw = await draw({ sampleSize: 1, districtCode: GANYU, seed: 'ganyu-result' });
    const foreign = await hub.execute(
      RecordInspectionResultDocument,
      { input: { drawId: ganyuDraw.id, uscc: ganyuDraw.selected[0].uscc, inspectedOn: today(), outcome: 'NO_PROBLEM', summary: '越权' } },
      OFFICER,
    );
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);

    const published = await hub.execute(PublicInspectionResultsDocument, { from: '2026-09-01', to: today() }, {});
    expect(published.errors).toBeUndefined();
    expect(published.data!.publicInspectionResults.map((r) => [r.uscc, r.outcome, r.inspectedOn])).toEqual([
      [clean, 'NO_PROBLEM', '2026-09-28'],
      [faulty, 'PROBLEMS_FOUND', today()],
    ]);
    const otherDistrict = await hub.execute(PublicInspectionResultsDocument, { from: '2026-09-01', to: today(), districtCode: GANYU }, {});
    expect(otherDistrict.data!.publicInspectionResults).toEqual([]);
    const tooLong = await hub.execute(PublicInspectionResultsDocument, { from: '2024-01-01', to: today() }, {});
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });
});
