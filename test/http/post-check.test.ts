/**
 * Checks while writing a post over HTTP, on both databases: the analysis of the draft's texts with its reasons in
 * the user's language, the limits of the platforms picked (Telegram's text and caption, Instagram's image,
 * Facebook's link preview), a missing Kazakh or Russian version where the organization publishes in both and not
 * where it publishes in one, the channels a post of a branch may go to, and the refusals (a viewer, a sibling).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import { createUser } from '../../src/services/user.service.js';
import { postCheckAnswer, type PostCheckAnswer } from '../../src/shared/post-check.schema.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, PASSWORD, openTestServer, signIn, type TestServer } from './client.js';

const DAY = 24 * 3600 * 1000;
const CONCRETE_RU =
  'Юристы филиала 3 декабря 2026 года провели приём: 25 работников получили консультации, ' +
  'двоим вернули 340 000 тенге невыплаченной зарплаты.';
const CONCRETE_KK =
  'Филиал заңгерлері 2026 жылғы 3 желтоқсанда 25 қызметкерге кеңес берді, екі адамға 340 000 теңге жалақы қайтарылды.';
const DECLARATIVE_RU =
  'Профсоюз всегда стоит на защите интересов трудящихся и призывает всех к активной работе и сплочённости!';

describe.each(DIALECTS)('checks while writing a post (%s)', (dialect) => {
  let server: TestServer;
  let region: Organization;
  let branch: Organization;
  let russianOnly: Organization;
  let editor: Client;
  const channels = { telegram: '', instagram: '', facebook: '', website: '', branch: '', sibling: '' };

  const check = (client: Client, body: Record<string, unknown>) =>
    client.post('/api/v1/posts/check', { org: branch.code, ...body });
  const answerOf = async (client: Client, body: Record<string, unknown>): Promise<PostCheckAnswer> => {
    const response = await check(client, body);
    expect(response.statusCode, response.body).toBe(200);
    return postCheckAnswer.parse(response.json());
  };

  beforeAll(async () => {
    server = await openTestServer(dialect);
    region = await buildOrg(server.ctx, 'region');
    branch = await buildOrg(server.ctx, 'branch', region);
    russianOnly = await buildOrg(server.ctx, 'branch', region);
    channels.telegram = await buildChannel(server.ctx, region, 'telegram');
    channels.instagram = await buildChannel(server.ctx, region, 'instagram');
    channels.facebook = await buildChannel(server.ctx, region, 'facebook');
    channels.website = await buildChannel(server.ctx, region, 'website');
    channels.branch = await buildChannel(server.ctx, branch, 'telegram');
    channels.sibling = await buildChannel(server.ctx, russianOnly, 'telegram');
    // The branch published in both languages last month; its sibling in Russian alone.
    const recent = new Date(Date.now() - 30 * DAY).toISOString();
    for (const [language, subject] of [
      ['ru', branch],
      ['kk', branch],
      ['ru', branch],
      ['ru', russianOnly],
      ['ru', russianOnly],
    ] as const) {
      await buildPublication(server.ctx, channels.branch, {
        publishedAt: recent,
        language,
        subject: subject.code,
        text: 'Новость',
      });
    }
    editor = await signIn(server.app, await addUser(server.ctx, 'editor', branch.code));
  });
  afterAll(() => server.close());

  it('analyses each text: a concrete one has its facts, a declarative one says what it lacks', async () => {
    const answer = await answerOf(editor, { textRu: DECLARATIVE_RU, textKk: CONCRETE_KK, channels: [] });
    const ru = answer.texts.find((text) => text.field === 'ru');
    const kk = answer.texts.find((text) => text.field === 'kk');
    expect(ru).toMatchObject({ language: 'ru', declarative: true });
    expect(ru?.verdict).toBe(
      'нет даты, нет числа, нет имени, нет результата: пост читается как декларативный',
    );
    expect(kk).toMatchObject({ language: 'kk', declarative: false });
    expect(kk?.verdict).toMatch(/^есть .*дата/);
    expect(kk?.groups.map((group) => group.title)).toContain('Конкретные факты');
    expect(answer.bilingual).toBe(true);
    expect(answer.notes).toEqual([]);
  });

  it("tells the reasons in the user's own language (Kazakh)", async () => {
    const login = `kk-editor-${process.pid}`;
    await createUser(server.ctx, { login, role: 'editor', org: branch.code, password: PASSWORD, lang: 'kk' });
    const kazakh = await signIn(server.app, login);
    const answer = await answerOf(kazakh, { textRu: DECLARATIVE_RU, channels: [] });
    expect(answer.texts[0]?.verdict).toBe(
      'күні жоқ, саны жоқ, аты-жөні жоқ, нәтижесі жоқ: жазба декларативті болып оқылады',
    );
    expect(answer.notes.map((note) => [note.code, note.message])).toEqual([
      ['missing_kk', 'Ұйым қазақ және орыс тілдерінде жариялайды: қазақша нұсқасы жоқ'],
    ]);
  });

  it('asks for the missing version where the organization publishes in both, not where in one', async () => {
    const both = await answerOf(editor, { textKk: CONCRETE_KK, channels: [] });
    expect(both.notes.map((note) => note.code)).toEqual(['missing_ru']);
    const manager = await signIn(server.app, await addUser(server.ctx, 'manager', region.code));
    const one = await answerOf(manager, { org: russianOnly.code, textRu: CONCRETE_RU, channels: [] });
    expect(one.bilingual).toBe(false);
    expect(one.notes).toEqual([]);
  });

  it("applies the platforms' limits of the channels picked", async () => {
    const long = `${CONCRETE_RU} `.repeat(40).trim();
    expect(long.length).toBeGreaterThan(4096);
    const tooLong = await answerOf(editor, {
      textRu: long,
      textKk: CONCRETE_KK,
      channels: [channels.telegram, channels.instagram],
      imageCount: 0,
    });
    expect(tooLong.notes).toEqual([
      {
        code: 'telegram_text_too_long',
        level: 'error',
        channel: channels.telegram,
        message: `Telegram примет не больше 4096 знаков текста, в посте ${CONCRETE_KK.length + 2 + long.length}`,
      },
      expect.objectContaining({ code: 'instagram_needs_image', level: 'error', channel: channels.instagram }),
    ]);

    const caption = `${CONCRETE_RU} `.repeat(9).trim();
    expect(caption.length).toBeGreaterThan(1024);
    const withPhoto = await answerOf(editor, {
      textRu: `${caption} https://example.kz/news`,
      textKk: CONCRETE_KK,
      channels: [channels.telegram, channels.instagram, channels.facebook],
      imageCount: 1,
    });
    expect(withPhoto.notes.map((note) => [note.code, note.channel])).toEqual([
      ['telegram_caption_too_long', channels.telegram],
      ['facebook_link_preview', channels.facebook],
    ]);
    const short = await answerOf(editor, {
      textRu: CONCRETE_RU,
      textKk: CONCRETE_KK,
      channels: [channels.telegram],
      imageCount: 1,
    });
    expect(short.notes).toEqual([]);
  });

  it("lists the channels a branch's post may go to and refuses a viewer and a sibling", async () => {
    const listed = await editor.get(`/api/v1/posts/channels?org=${branch.code}`);
    expect(listed.statusCode, listed.body).toBe(200);
    const codes = (listed.json() as { items: { code: string }[] }).items.map((item) => item.code);
    expect(codes[0]).toBe(channels.branch);
    expect(codes.toSorted()).toEqual(
      [channels.branch, channels.telegram, channels.instagram, channels.facebook].toSorted(),
    );
    // Not a sibling's channel, nor a website, which aqparat does not publish to.
    expect(codes).not.toContain(channels.sibling);
    expect(codes).not.toContain(channels.website);
    expect((await editor.get(`/api/v1/posts/channels?org=${russianOnly.code}`)).statusCode).toBe(404);
    expect((await check(editor, { org: russianOnly.code, textRu: CONCRETE_RU })).statusCode).toBe(404);
    const viewer = await signIn(server.app, await addUser(server.ctx, 'viewer', branch.code));
    expect((await check(viewer, { textRu: CONCRETE_RU })).statusCode).toBe(403);
  });
});
