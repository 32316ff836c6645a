import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, DomainError, ValidationError } from '../../src/domain/errors.js';
import { createOrganization, type Organization } from '../../src/services/org.service.js';
import { addPublication } from '../../src/services/publication.service.js';
import { addDecision, addMembershipSnapshot, addMediaMention } from '../../src/services/records.service.js';
import { describeError } from '../../src/shared/messages.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';

describe.each(DIALECTS)('constraint violations store nothing (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let region: Organization;
  let primary: Organization;
  let channel: string;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const union = await buildOrg(ctx, 'union');
    region = await buildOrg(ctx, 'region', union);
    primary = await buildOrg(ctx, 'primary', region);
    channel = await buildChannel(ctx, region);
    await buildPublication(ctx, channel, { externalId: 'taken' });
  });
  afterAll(() => ctx.close());

  /** Runs the failing call; asserts the error and that no table changed. */
  async function rejects(work: () => Promise<unknown>): Promise<DomainError> {
    const before = await rowCounts(ctx);
    const error = await work().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(await rowCounts(ctx)).toEqual(before);
    return error as DomainError;
  }

  it('rejects a primary under a primary, naming the record and the field', async () => {
    const code = uniqueCode('p');
    const error = await rejects(() =>
      createOrganization(ctx, {
        code,
        kind: 'primary',
        parent: primary.code,
        nameRu: 'Школа',
        nameKk: 'Мектеп',
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.record).toBe(`organization ${code}`);
    expect(error.fields).toEqual([
      { path: 'parent', code: 'kind_not_allowed_under', params: { kind: 'primary', parentKind: 'primary' } },
    ]);
    expect(describeError(error, 'ru')).toContain('вид «primary» нельзя подчинить виду «primary»');
  });

  it('rejects an unknown parent organization', async () => {
    const error = await rejects(() =>
      createOrganization(ctx, {
        code: uniqueCode('b'),
        kind: 'branch',
        parent: 'nowhere',
        nameRu: 'Ф',
        nameKk: 'Ф',
      }),
    );
    expect(error.fields).toEqual([{ path: 'parent', code: 'unknown_org', params: { code: 'nowhere' } }]);
  });

  it('rejects a duplicate organization code', async () => {
    const error = await rejects(() =>
      createOrganization(ctx, {
        code: primary.code,
        kind: 'primary',
        parent: region.code,
        nameRu: 'Х',
        nameKk: 'Х',
      }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('org_code_taken');
    expect(error.fields[0]?.path).toBe('code');
  });

  it('rejects invalid fields with their paths', async () => {
    const error = await rejects(() =>
      createOrganization(ctx, {
        code: 'Bad Code',
        kind: 'district' as never,
        nameRu: '',
        nameKk: 'Атауы',
      }),
    );
    expect(error.fields.map((field) => [field.path, field.code]).sort()).toEqual([
      ['code', 'invalid_format'],
      ['kind', 'not_one_of'],
      ['nameRu', 'too_small'],
    ]);
  });

  it('rejects records referring to an unknown organization, channel or outlet', async () => {
    const snapshot = await rejects(() =>
      addMembershipSnapshot(ctx, { org: 'nowhere', asOf: '2024-01-01', members: 5 }),
    );
    expect(snapshot.fields).toEqual([{ path: 'org', code: 'unknown_org', params: { code: 'nowhere' } }]);
    const post = await rejects(() =>
      addPublication(ctx, { channel: 'no-channel', externalId: '1', publishedAt: '2024-01-01T00:00:00Z' }),
    );
    expect(post.fields[0]?.code).toBe('unknown_channel');
    const mention = await rejects(() =>
      addMediaMention(ctx, { org: region.code, outlet: 'no-paper', publishedOn: '2024-01-01', title: 'Т' }),
    );
    expect(mention.fields[0]).toMatchObject({ path: 'outlet', code: 'unknown_outlet' });
  });

  it('stores no part of a decision whose task refers to an unknown organization', async () => {
    const error = await rejects(() =>
      addDecision(ctx, {
        org: region.code,
        body: 'executive_committee',
        adoptedOn: '2024-04-19',
        titleRu: 'Об информационной работе',
        tasks: [
          { textRu: 'Создать страницы' },
          { textRu: 'Назначить ответственных', responsibleOrg: 'nowhere' },
        ],
      }),
    );
    expect(error.fields[0]?.path).toBe('tasks.1.responsibleOrg');
  });

  it('rejects a second publication with the same channel and external id', async () => {
    const error = await rejects(() => buildPublication(ctx, channel, { externalId: 'taken' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('duplicate_record');
    expect(error.record).toBe(`publication ${channel}/taken`);
  });
});
