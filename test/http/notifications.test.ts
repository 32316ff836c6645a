/**
 * A failed sending notifies the post's author, on both databases: a notification the author lists (unread first,
 * in their language) and marks read, and an e-mail in their language where SMTP is set and the author signs in
 * with an e-mail address (a local SMTP server). Another user sees none of it and cannot mark it (404). The
 * sending fails for want of a bot token: no platform is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import { movePost } from '../../src/services/plan/post.service.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { createUser } from '../../src/services/user.service.js';
import { notificationListAnswer } from '../../src/shared/notification.schema.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { addUser, type Client, openTestServer, PASSWORD, signIn, type TestServer } from './client.js';

describe.each(DIALECTS)('notifications of failed sendings (%s)', (dialect) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let branch: Organization;
  let channel: string;
  let author: Client;
  let login: string;
  const saved = { ...process.env };

  /** A post the author drafts over HTTP, approved at once and due: the next run fails it (no token). */
  const failedPost = async (text: string) => {
    const created = await author.post('/api/v1/posts', {
      org: branch.code,
      channels: [channel],
      textKk: text,
      plannedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: number };
    await movePost(server.ctx, id, 'approve');
    expect(await publishDue(server.ctx)).toMatchObject([{ post: id, state: 'failed' }]);
    return id;
  };
  const list = async (client: Client) => {
    const response = await client.get('/api/v1/notifications');
    expect(response.statusCode, response.body).toBe(200);
    return notificationListAnswer.parse(response.json());
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env['AQPARAT_SMTP_URL'] = smtp.url;
    server = await openTestServer(dialect);
    branch = await buildOrg(server.ctx, 'branch', await buildOrg(server.ctx, 'region'));
    channel = uniqueCode('telegram');
    await addChannel(server.ctx, {
      code: channel,
      org: branch.code,
      platform: 'telegram',
      name: channel,
      url: 'https://t.me/kasipodak_branch',
    });
    login = `press.${dialect}@example.kz`;
    await createUser(server.ctx, { login, role: 'editor', org: branch.code, password: PASSWORD, lang: 'kk' });
    author = await signIn(server.app, login);
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
    await smtp.close();
  });

  it('tells the author in Kazakh, in the list and by e-mail; unread first; marked read', async () => {
    const first = await failedPost('Семинар: 40 қатысушы');
    const expected = `№ ${first} жазба «${channel}» арнасында жарияланбады: «${channel}» арнасында жариялауға жарамды бот токені жоқ: оны aqparat channel token командасымен беріңіз`;
    const listed = await list(author);
    expect(listed).toMatchObject({
      unread: 1,
      items: [
        {
          kind: 'publish_failed',
          post: first,
          read: false,
          message: expected,
          params: { channel, error: { code: 'publish_no_token', params: { channel } } },
        },
      ],
    });
    const mail = smtp.messages.at(-1);
    expect(mail?.to).toMatchObject({ text: login });
    expect(mail?.subject).toBe(`aqparat: № ${first} жазба «${channel}» арнасында жарияланбады`);
    expect(mail?.text?.trim()).toBe(expected);

    const second = await failedPost('Жиналыс: 3 шешім');
    const [newest, older] = (await list(author)).items;
    expect([newest?.post, older?.post]).toEqual([second, first]);
    const read = await author.post(`/api/v1/notifications/${newest!.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: newest!.id, read: true });
    // The unread one first, though older.
    const after = await list(author);
    expect(after.unread).toBe(1);
    expect(after.items.map((item) => [item.post, item.read])).toEqual([
      [first, false],
      [second, true],
    ]);
  });

  it("shows another user none of the author's notifications, and refuses to mark them (404)", async () => {
    const other = await signIn(server.app, await addUser(server.ctx, 'manager', branch.code));
    expect(await list(other)).toEqual({ items: [], unread: 0 });
    const [mine] = (await list(author)).items;
    const refused = await other.post(`/api/v1/notifications/${mine!.id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ error: { code: 'notification_unknown' } });
  });
});
