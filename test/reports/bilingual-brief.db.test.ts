/**
 * What people write on records (decisions, tasks, materials, positions) is printed in the brief's language; where
 * only the other language's text exists it is printed marked with its language, never passed off as the brief's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/reports/model.js';
import { renderMarkdown } from '../../src/reports/render/markdown.js';
import { layOutBrief, prepareBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { DECISIONS, MANUALS } from '../../src/services/demo/abai.facts.js';
import { addDecision, addMaterial, addPerson } from '../../src/services/records.service.js';
import { buildOrg } from '../factories/org.factory.js';
import { SEED_BRIEF, tableOf } from '../helpers/brief.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

const column = (model: ReportModel, table: string, index: number) =>
  tableOf(model, table).rows.map((row) => row[index]);

describe.each(DIALECTS)('records in the brief language (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => new Date('2024-09-02T06:00:00Z') });
  });
  afterAll(() => ctx.close());

  it("prints the demo's decisions, tasks and manuals in Kazakh in the Kazakh brief, in Russian in the Russian", async () => {
    await buildDemo(ctx);
    const prepared = await prepareBrief(ctx, SEED_BRIEF);
    const kk = layOutBrief(ctx, prepared, 'kk');
    const ru = layOutBrief(ctx, prepared, 'ru');
    expect(column(kk, 'decisions', 3)).toEqual(DECISIONS.map((decision) => decision.titleKk));
    expect(column(ru, 'decisions', 3)).toEqual(DECISIONS.map((decision) => decision.titleRu));
    expect(column(kk, 'tasks', 0)).toEqual(
      DECISIONS.flatMap((decision) => decision.tasks.map((task) => task.textKk)),
    );
    const manuals = MANUALS.filter((manual) => manual.issuedOn <= SEED_BRIEF.to);
    expect(column(kk, 'materials', 0)).toEqual(
      expect.arrayContaining(manuals.map((manual) => manual.titleKk)),
    );
    expect(column(kk, 'materials', 0)).toHaveLength(manuals.length);
    // The overdue tasks named as the finding's evidence are in Kazakh too.
    const markdown = renderMarkdown(kk).replace(/\\/g, '');
    expect(markdown).toContain(DECISIONS[0].tasks[0].textKk);
    expect(markdown).not.toContain(DECISIONS[0].tasks[0].textRu);
    expect(markdown).not.toContain('орыс тілінде');
  });

  it('falls back to the other language with its mark where only that one was written', async () => {
    const org = await buildOrg(ctx, 'region');
    await addDecision(ctx, {
      org: org.code,
      body: 'presidium',
      adoptedOn: '2024-03-01',
      titleRu: 'О работе со СМИ',
      tasks: [{ textKk: 'Баспасөз хатшысын тағайындау', dueOn: '2024-04-01' }],
    });
    await addMaterial(ctx, {
      org: org.code,
      titleKk: 'Жас мамандарға арналған нұсқаулық',
      kind: 'manual',
      issuedOn: '2024-05-01',
    });
    await addPerson(ctx, { org: org.code, fullName: 'Ахметова А.', positionRu: 'Пресс-секретарь' });
    const prepared = await prepareBrief(ctx, { org: org.code, from: '2024-01-01', to: '2024-08-31' });
    const kk = layOutBrief(ctx, prepared, 'kk');
    const ru = layOutBrief(ctx, prepared, 'ru');

    expect(column(kk, 'decisions', 3)).toEqual(['О работе со СМИ (орыс тілінде)']);
    expect(column(ru, 'decisions', 3)).toEqual(['О работе со СМИ']);
    expect(column(kk, 'tasks', 0)).toEqual(['Баспасөз хатшысын тағайындау']);
    expect(column(ru, 'tasks', 0)).toEqual(['Баспасөз хатшысын тағайындау (на казахском)']);
    expect(column(kk, 'materials', 0)).toEqual(['Жас мамандарға арналған нұсқаулық']);
    expect(column(ru, 'materials', 0)).toEqual(['Жас мамандарға арналған нұсқаулық (на казахском)']);
    expect(column(kk, 'staff', 1)).toEqual(['Пресс-секретарь (орыс тілінде)']);
  });
});
