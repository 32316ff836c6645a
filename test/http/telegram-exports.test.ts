/**
 * What a Telegram export holds, over HTTP: a group's or a personal chat's export is refused until the upload
 * confirms its type (`acceptChatType`), the refusal saying what the file is in the user's language; a batch says
 * how it read times without a zone; a post's links come with the publications' list and the post itself.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { listPublications } from '../../src/services/import/publications.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { createUser } from '../../src/services/user.service.js';
import type { PublicationDetail, PublicationPage } from '../../src/shared/dashboard.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { real } from '../importers/helpers.js';
import { addUser, type Client, openTestServer, PASSWORD, signIn, type TestServer } from './client.js';
import { realFile, settled, started, upload } from './uploads.js';

const GROUP = 'telegram/htx-erg_private_supergroup_result.json';
const PERSONAL = 'telegram/chat-analytics_DM_2A_7M.json';
const CHANNEL = 'telegram/nyac_channel_result.json';

describe.each(DIALECTS)('Telegram exports over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let branch: Organization;
  let editor: Client;
  let editorKk: Client;

  const publicationsOf = async (channel: string) => (await listPublications(server.ctx, { channel })).length;
  const refusal = async (response: Parameters<typeof started>[0]) => settled(editor, await started(response));

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { regions } = await buildTree(server.ctx, {
      regions: 1,
      branches: 1,
      primariesPerBranch: 0,
      directPrimaries: 0,
    });
    branch = regions[0]?.branches[0]?.org as Organization;
    editor = await signIn(server.app, await addUser(server.ctx, 'editor', branch.code));
    const kazakh = uniqueCode('kk-editor');
    await createUser(server.ctx, {
      login: kazakh,
      role: 'editor',
      org: branch.code,
      lang: 'kk',
      password: PASSWORD,
    });
    editorKk = await signIn(server.app, kazakh);
  });
  afterAll(() => server.close());

  itReal(
    [GROUP],
    'refuses a group export, saying what it is, until the upload confirms the chat type',
    async () => {
      const channel = await buildChannel(server.ctx, branch, 'telegram');
      const refused = await refusal(await upload(editor, { channel }, realFile(real(GROUP))));
      expect(refused).toMatchObject({ status: 'failed', new: 0, error: { code: 'import_chat_group' } });
      expect(refused.error?.message).toContain(
        '«htx-erg_private_supergroup_result.json» — выгрузка группы «HTX <> ERG» (тип private_supergroup), а не канала',
      );
      expect(refused.error?.message).toContain('acceptChatType=true');
      expect(await publicationsOf(channel)).toBe(0);
      // In the reader's language; a dry run is answered with the refusal at once.
      const kazakh = await settled(editorKk, refused.id);
      expect(kazakh.error?.message).toContain('«HTX <> ERG» тобының экспорты');
      const dry = await upload(editor, { channel, dryRun: 'true' }, realFile(real(GROUP)));
      expect(dry.statusCode).toBe(400);
      expect(dry.json()).toMatchObject({ error: { code: 'import_chat_group' } });

      const confirmed = await upload(editor, { channel, acceptChatType: 'true' }, realFile(real(GROUP)));
      expect(await settled(editor, await started(confirmed))).toMatchObject({ status: 'done', new: 15 });
      expect(await publicationsOf(channel)).toBe(15);
      expect(
        (await upload(editor, { channel, acceptChatType: 'maybe' }, realFile(real(GROUP)))).statusCode,
      ).toBe(400);
    },
  );

  itReal(
    [PERSONAL],
    'refuses a personal chat; confirmed, its batch says how times without a zone were read',
    async () => {
      const channel = await buildChannel(server.ctx, branch, 'telegram');
      const refused = await refusal(await upload(editor, { channel }, realFile(real(PERSONAL))));
      expect(refused.error).toMatchObject({ code: 'import_chat_personal' });
      expect(refused.error?.message).toContain('выгрузка личной переписки «Bob» (тип personal_chat)');

      const confirmed = await upload(editor, { channel, acceptChatType: 'true' }, realFile(real(PERSONAL)));
      const batch = await settled(editor, await started(confirmed));
      expect(batch.status).toBe('done');
      expect((batch as unknown as { notes: unknown[] }).notes).toEqual([
        {
          code: 'local_times',
          params: { count: 2, channel, zone: 'Asia/Almaty' },
          message: expect.stringContaining(
            `прочитано в часовом поясе владельца канала «${channel}» — Asia/Almaty`,
          ) as string,
        },
      ]);
    },
  );

  itReal(
    [CHANNEL],
    "a channel's export imports at once, its posts' links in the list and in the post",
    async () => {
      const channel = await buildChannel(server.ctx, branch, 'telegram');
      const batch = await settled(
        editor,
        await started(await upload(editor, { channel }, realFile(real(CHANNEL)))),
      );
      expect(batch).toMatchObject({ status: 'done', rejected: 0 });
      const page = (
        await editor.get(`/api/v1/publications?channel=${channel}&pageSize=100`)
      ).json() as PublicationPage;
      const links = page.items.flatMap((item) => item.links);
      // The export holds 1 text_link and 6 written-out links.
      expect(links).toHaveLength(7);
      const linked = page.items.find((item) => item.links.some((link) => link.text !== link.url));
      if (!linked) throw new Error('no post with a text link');
      const detail = (await editor.get(`/api/v1/publications/${linked.id}`)).json() as PublicationDetail;
      expect(detail.links).toEqual(linked.links);
      expect(detail.text).toContain(linked.links.find((link) => link.text !== link.url)?.text);
    },
  );
});
