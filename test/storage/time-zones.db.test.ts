import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { createOrganization } from '../../src/services/org.service.js';
import { publicationsByPeriod } from '../../src/services/stats.service.js';
import { uniqueCode } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('periods count in the organization zone (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let almaty: string;
  let moscow: string;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const almatyOrg = await createOrganization(ctx, {
      code: uniqueCode('r'),
      kind: 'region',
      nameRu: 'А',
      nameKk: 'А',
    });
    const moscowOrg = await createOrganization(ctx, {
      code: uniqueCode('r'),
      kind: 'region',
      nameRu: 'М',
      nameKk: 'М',
      timeZone: 'Europe/Moscow',
    });
    almaty = almatyOrg.code;
    moscow = moscowOrg.code;
    const almatyPage = await buildChannel(ctx, almatyOrg);
    await buildPublication(ctx, almatyPage, { publishedAt: '2024-12-31T19:30:00Z' });
    await buildPublication(ctx, almatyPage, { publishedAt: '2023-12-31T18:30:00Z' });
    const moscowPage = await buildChannel(ctx, moscowOrg);
    await buildPublication(ctx, moscowPage, { publishedAt: '2024-12-31T19:30:00Z' });
  });
  afterAll(() => ctx.close());

  const byYear = async (org: string) =>
    (
      await publicationsByPeriod(ctx, {
        org,
        period: parsePeriod('2023-01-01..2025-12-31'),
        granularity: 'year',
      })
    ).rows.map((row) => row.count);

  it('puts 2024-12-31T19:30Z in 2025 and 2023-12-31T18:30Z in 2024 for Asia/Almaty', async () => {
    expect(await byYear(almaty)).toEqual([0, 1, 1]);
  });

  it('puts the same instant in 2024 for an organization in Europe/Moscow', async () => {
    expect(await byYear(moscow)).toEqual([0, 1, 0]);
  });
});
