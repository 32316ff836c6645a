import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { DomainError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import {
  analyzePublications,
  correctPublication,
  loadModel,
  reclassifyPublications,
  retrainModel,
} from '../../src/services/analysis.service.js';
import { fromJson, toBool } from '../../src/storage/rows.js';
import { runCli } from '../helpers/cli.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';

const SECTOR_TEXT =
  'Отраслевой профсоюз провел республиканский конкурс «Лучшая первичная профсоюзная организация». Из 312 конкурсантов в финал вышли 17, победителем стала первичная организация школы-гимназии № 38 Астаны.';
const NEAR_COPY = `${SECTOR_TEXT.replace('организация».', 'организация»!')} Поздравляем победителей!`;
const AITYS = [
  'Облыстық мұғалімдер айтысы өтті. Айтыскер ұстаздар өнер көрсетті.',
  'Аудандық айтыста ақын ұстаздар сөз сайысына түсті.',
  'Ақын мұғалімдер айтысының жеңімпаздары анықталды.',
];
const NEW_AITYS = 'Қалалық айтыста ақын ұстаздар бақ сынады.';

describe.each(DIALECTS)('content analysis of stored publications (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let ids: Record<string, number>;
  let channels: { site: string; page: string; telegram: string; other: string };

  const row = (id: number) =>
    ctx.db.kysely.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const { union, regions } = await buildTree(ctx, { regions: 2, branches: 1, primariesPerBranch: 1 });
    const [region, otherRegion] = regions.map((tree) => tree.org);
    if (!region || !otherRegion) throw new Error('no regions');
    channels = {
      site: await buildChannel(ctx, union, 'website'),
      page: await buildChannel(ctx, region, 'facebook'),
      telegram: await buildChannel(ctx, region, 'telegram'),
      other: await buildChannel(ctx, otherRegion, 'facebook'),
    };
    const add = (channel: string, publishedAt: string, text: string, extra = {}) =>
      buildPublication(ctx, channel, { publishedAt, text, title: undefined, ...extra });
    ids = {
      sector: await add(channels.site, '2024-03-01T06:00:00Z', SECTOR_TEXT, {
        url: 'https://bilim-kasipodagy.kz/news/contest',
      }),
      copy: await add(channels.page, '2024-03-05T06:00:00Z', NEAR_COPY),
      // As the Telegram importer stores a message with `forwarded_from`.
      forward: await add(
        channels.telegram,
        '2024-03-06T06:00:00Z',
        'Центральный комитет поздравляет педагогов с Днем знаний!',
        {
          isRepost: true,
          repostSource: 'Отраслевой профсоюз работников образования',
        },
      ),
      original: await add(
        channels.page,
        '2024-03-07T06:00:00Z',
        'В Урджарском районе проведена проверка соблюдения трудового законодательства в шести школах, выявлено 23 нарушения.',
      ),
      aitys0: await add(channels.page, '2024-04-01T06:00:00Z', AITYS[0] as string),
      aitys1: await add(channels.page, '2024-04-02T06:00:00Z', AITYS[1] as string),
      aitys2: await add(channels.page, '2024-04-03T06:00:00Z', AITYS[2] as string),
      elsewhere: await add(
        channels.other,
        '2024-04-04T06:00:00Z',
        'Прошел пленум областного комитета профсоюза.',
      ),
    };
  });
  afterAll(() => ctx.close());

  it('classifies what it is asked to: the subtree, the channel, the period', async () => {
    const region = await ctx.db.kysely
      .selectFrom('channel')
      .innerJoin('organization', 'organization.id', 'channel.orgId')
      .select('organization.code')
      .where('channel.code', '=', channels.page)
      .executeTakeFirstOrThrow();
    const summary = await reclassifyPublications(ctx, { org: region.code });
    expect(summary.publications).toBe(6);
    expect((await row(ids.elsewhere as number)).analyzedAt).toBeNull();
    // What an import calls for the publications it stored.
    expect((await analyzePublications(ctx, [ids.elsewhere as number])).publications).toBe(1);
    expect((await row(ids.elsewhere as number)).primaryTopic).toBe('organizational');
    const onChannel = await reclassifyPublications(ctx, {
      channel: channels.page,
      period: { from: '2024-04-01', to: '2024-04-02' },
    });
    expect(onChannel.publications).toBe(2);
    await expect(reclassifyPublications(ctx, { channel: 'no-such-channel' })).rejects.toThrow(NotFoundError);
  });

  it('marks a near-copy of an earlier sector-union text on another channel a repost, linked to its source', async () => {
    const summary = await reclassifyPublications(ctx, {});
    expect(summary.publications).toBe(8);
    const copy = await row(ids.copy as number);
    expect(toBool(copy.isRepost)).toBe(true);
    expect(copy.repostBy).toBe('near_duplicate');
    expect(copy.repostOfId).toBe(ids.sector);
    expect(copy.repostSource).toBe('https://bilim-kasipodagy.kz/news/contest');
    const reasons = fromJson<{ repost: string[] }>(copy.reasons);
    expect(reasons?.repost[0]).toMatch(
      /^near_duplicate:https:\/\/bilim-kasipodagy\.kz\/news\/contest 0\.\d\d$/,
    );
    // The earlier text is the original, and an unrelated post is no repost.
    expect(toBool((await row(ids.sector as number)).isRepost)).toBe(false);
    expect(toBool((await row(ids.original as number)).isRepost)).toBe(false);
  });

  it('keeps a forwarded Telegram post a repost, with the source the export named', async () => {
    const forward = await row(ids.forward as number);
    expect(toBool(forward.isRepost)).toBe(true);
    // The source's mark, not a finding of the analysis: an import compares it with the source's next word.
    expect(forward.repostBy).toBeNull();
    expect(forward.repostSource).toBe('Отраслевой профсоюз работников образования');
    expect(fromJson<{ repost: string[] }>(forward.reasons)?.repost).toEqual([
      'source_mark:Отраслевой профсоюз работников образования',
    ]);
  });

  it('stores the labels with their reasons', async () => {
    const original = await row(ids.original as number);
    expect(original.primaryTopic).toBe('legal');
    expect(original.language).toBe('ru');
    expect(toBool(original.declarative, 'nullable')).toBe(false);
    const reasons = fromJson<{ topics: Record<string, string[]>; concrete: string[] }>(original.reasons);
    expect(reasons?.topics['legal']).toEqual(
      expect.arrayContaining(['трудового законодательства', 'нарушения']),
    );
    expect(reasons?.concrete).toContain('quantity:23');
  });

  it("stores a user's correction with who and when; it wins over every later classification", async () => {
    expect((await row(ids.aitys0 as number)).primaryTopic).toBe('other');
    const clock = ctx.clock;
    const at = new Date('2024-05-01T10:00:00Z');
    const corrected = { ...ctx, clock: () => at };
    for (const key of ['aitys0', 'aitys1', 'aitys2']) {
      await correctPublication(corrected, {
        publication: ids[key] as number,
        primaryTopic: 'social',
        by: 'Айгуль',
      });
    }
    await correctPublication(corrected, {
      publication: { channel: channels.page, externalId: (await row(ids.original as number)).externalId },
      declarative: true,
      isRepost: true,
      repostSource: 'районная газета',
    });
    const stored = await ctx.db.kysely
      .selectFrom('publicationCorrection')
      .select(['publicationId', 'field', 'value', 'correctedBy', 'correctedAt'])
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(5);
    expect(stored[0]).toMatchObject({
      publicationId: ids.aitys0,
      field: 'primaryTopic',
      correctedBy: 'Айгуль',
    });
    expect(new Date(stored[0]?.correctedAt ?? '').toISOString()).toBe(at.toISOString());
    expect(fromJson(stored[0]?.value)).toEqual({ value: 'social' });
    expect(stored[3]?.correctedBy).toBe('system');
    expect(ctx.clock).toBe(clock);

    // Applied at once, and again after any reclassification.
    for (let round = 0; round < 2; round++) {
      const aitys = await row(ids.aitys0 as number);
      expect(aitys.primaryTopic).toBe('social');
      expect(fromJson<{ corrected: string[] }>(aitys.reasons)?.corrected?.[0]).toMatch(
        /^primaryTopic by Айгуль at /,
      );
      const original = await row(ids.original as number);
      expect(original.primaryTopic).toBe('legal');
      expect(toBool(original.declarative, 'nullable')).toBe(true);
      expect(toBool(original.isRepost)).toBe(true);
      expect(original.repostBy).toBe('correction');
      expect(original.repostSource).toBe('районная газета');
      const summary = await reclassifyPublications(ctx, {});
      expect(summary.corrected).toBe(4);
    }
  });

  it('retrains a model on the corrections that changes how similar posts are classified later', async () => {
    expect(classify(NEW_AITYS).primaryTopic).toBe('other');
    const id = await buildPublication(ctx, channels.page, {
      publishedAt: '2024-05-02T06:00:00Z',
      text: NEW_AITYS,
      title: undefined,
    });
    await reclassifyPublications(ctx, { channel: channels.page });
    expect((await row(id)).primaryTopic).toBe('other');

    const result = await retrainModel(ctx, { by: 'Айгуль' });
    expect(result.corrections).toBe(4);
    expect(result.documents).toBeGreaterThan(result.corrections);
    const model = await ctx.db.kysely.selectFrom('analysisModel').selectAll().executeTakeFirstOrThrow();
    expect(model).toMatchObject({ trainedBy: 'Айгуль', corrections: 4 });

    await reclassifyPublications(ctx, { channel: channels.page });
    const later = await row(id);
    expect(later.primaryTopic).toBe('social');
    expect(fromJson<{ model: string[] }>(later.reasons)?.model?.[0]).toMatch(/^model:social /);
    expect(classify(NEW_AITYS, await loadModel(ctx)).primaryTopic).toBe('social');
    // Posts unlike the corrected ones keep their topic.
    expect((await row(ids.original as number)).primaryTopic).toBe('legal');
    expect(classify('Прошел пленум областного комитета профсоюза.', await loadModel(ctx)).primaryTopic).toBe(
      'organizational',
    );
  });

  it('refuses a correction of nothing, or of a publication it cannot find', async () => {
    await expect(correctPublication(ctx, { publication: ids.original as number })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      correctPublication(ctx, { publication: 999_999, primaryTopic: 'legal' }),
    ).rejects.toMatchObject({
      code: 'publication_id_unknown',
    });
    await expect(
      correctPublication(ctx, {
        publication: { channel: channels.page, externalId: 'nope' },
        declarative: true,
      }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('runs reclassify, correct and retrain from the command line', async () => {
    const db = ['--db', ctx.target];
    const externalId = (await row(ids.copy as number)).externalId;
    const corrected = await runCli([
      'correct',
      ...db,
      '--channel',
      channels.page,
      '--external-id',
      externalId,
      '--topic',
      'sector',
      '--by',
      'Ержан',
    ]);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stdout).toContain(`Публикация № ${ids.copy} исправлена: primaryTopic`);
    const bad = await runCli(['correct', ...db, '--publication', String(ids.copy), '--declarative', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Параметр --declarative не может быть «maybe»');
    const retrained = await runCli(['retrain', ...db, '--lang', 'en']);
    expect(retrained.stdout).toMatch(
      /^Model \d+ trained in \d+ ms: corrected publications 5, texts in all \d+/,
    );
    const reclassified = await runCli(['reclassify', ...db, '--channel', channels.page, '--json']);
    expect(reclassified.code, reclassified.stderr).toBe(0);
    const summary = JSON.parse(reclassified.stdout) as {
      publications: number;
      byTopic: Record<string, number>;
    };
    expect(summary.publications).toBe(6);
    expect(summary.byTopic['sector']).toBeGreaterThanOrEqual(1);
    expect((await row(ids.copy as number)).primaryTopic).toBe('sector');
  });
});

describe('aqparat classify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-classify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('labels each input line and writes the contract fields, in order', async () => {
    const input = join(dir, 'posts.jsonl');
    const output = join(dir, 'labels.jsonl');
    writeFileSync(
      input,
      [
        {
          id: 'a1',
          text: 'В школе-лицее № 12 создана согласительная комиссия: рассмотрено 2 трудовых спора.',
        },
        { id: 7, text: 'Ұстаздар күні құтты болсын! Баршаңызға зор денсаулық тілейміз.' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const run = await runCli(['classify', '--in', input, '--out', output, '--lexicons-only', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`Posts classified: 2; written to ${output}`);
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'id',
        'language',
        'primaryTopic',
        'topics',
        'concreteness',
        'declarative',
        'reasons',
      ]);
    }
    expect(lines[0]).toMatchObject({ id: 'a1', language: 'ru', primaryTopic: 'legal', declarative: false });
    expect(lines[1]).toMatchObject({ id: 7, language: 'kk', primaryTopic: 'social', declarative: true });
  });

  it('stops at a bad line, naming the file, the line and the field, and leaves no output', async () => {
    const input = join(dir, 'bad.jsonl');
    const output = join(dir, 'bad-labels.jsonl');
    writeFileSync(
      input,
      `${JSON.stringify({ id: 'ok', text: 'Пленум.' })}\n${JSON.stringify({ id: 'x' })}\n`,
    );
    const run = await runCli(['classify', '--in', input, '--out', output, '--lexicons-only']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${input}:2`);
    expect(run.stderr).toContain('поле «text»: обязательное поле');
    expect(() => readFileSync(output)).toThrow();
    const missing = await runCli([
      'classify',
      '--in',
      join(dir, 'none.jsonl'),
      '--out',
      output,
      '--lexicons-only',
    ]);
    expect(missing.stderr).toContain('none.jsonl');
  });
});
