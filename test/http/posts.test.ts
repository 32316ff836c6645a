/**
 * The content plan's posts over HTTP, on both databases: a branch's editor drafts (with an image, base64), changes
 * and submits a post and may not approve it (403); the region's manager approves it; another branch's manager
 * finds none (404); the sibling branch's channel is refused; a returned post carries the manager's comment; every
 * answer matches the routes' response schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import { type PlanPostAnswer, planPostAnswer } from '../../src/shared/plan-post.schema.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

/** The first bytes of a PNG file, and some more. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

describe.each(DIALECTS)('posts of the content plan over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let region: Organization;
  let branch: Organization;
  let sibling: Organization;
  let editor: Client;
  const channels = { region: '', branch: '', sibling: '' };

  const draft = (client: Client, org: Organization, codes: string[]) =>
    client.post('/api/v1/posts', {
      org: org.code,
      channels: codes,
      textRu: 'Юристы филиала 3 декабря ответили на 25 обращений',
      plannedAt: '2026-12-10T09:00:00+05:00',
      topic: 'legal',
      image: PNG.toString('base64'),
    });

  beforeAll(async () => {
    server = await openTestServer(dialect);
    region = await buildOrg(server.ctx, 'region');
    branch = await buildOrg(server.ctx, 'branch', region);
    sibling = await buildOrg(server.ctx, 'branch', region);
    channels.region = await buildChannel(server.ctx, region, 'telegram');
    channels.branch = await buildChannel(server.ctx, branch, 'telegram');
    channels.sibling = await buildChannel(server.ctx, sibling, 'telegram');
    editor = await signIn(server.app, await addUser(server.ctx, 'editor', branch.code));
  });
  afterAll(() => server.close());

  it("drafts, changes and submits as the branch's editor; the region's manager approves", async () => {
    const created = await draft(editor, branch, [channels.branch, channels.region]);
    expect(created.statusCode, created.body).toBe(201);
    const post = planPostAnswer.parse(created.json());
    expect(post).toMatchObject({ org: branch.code, state: 'draft', hasImage: true, topic: 'legal' });

    const changed = await editor.patch(`/api/v1/posts/${post.id}`, {
      textKk: 'Филиал заңгерлері 3 желтоқсанда 25 өтінішке жауап берді',
      plannedAt: '2026-12-10T10:00:00+05:00',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      plannedAt: '2026-12-10T05:00:00.000Z',
      textKk: expect.any(String),
    });

    expect((await editor.post(`/api/v1/posts/${post.id}/submit`)).json()).toMatchObject({
      state: 'submitted',
    });
    expect((await editor.post(`/api/v1/posts/${post.id}/approve`)).statusCode).toBe(403);
    // A submitted post is no longer the author's to change.
    expect((await editor.patch(`/api/v1/posts/${post.id}`, { topic: 'pay' })).statusCode).toBe(409);

    const regional = await signIn(server.app, await addUser(server.ctx, 'manager', region.code));
    const approved = await regional.post(`/api/v1/posts/${post.id}/approve`, { comment: 'Согласовано' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(planPostAnswer.parse(approved.json())).toMatchObject({
      state: 'approved',
      comment: 'Согласовано',
    });
    const listed = await regional.get(`/api/v1/posts?org=${branch.code}&state=approved`);
    expect((listed.json() as { items: PlanPostAnswer[] }).items.map((item) => item.id)).toEqual([post.id]);
  });

  it("refuses the sibling branch's channel, and another branch's manager finds no post (404)", async () => {
    const refused = await draft(editor, branch, [channels.sibling]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'plan_channel_not_allowed' } });
    const { id } = (await draft(editor, branch, [channels.branch])).json() as PlanPostAnswer;
    await editor.post(`/api/v1/posts/${id}/submit`);
    const other = await signIn(server.app, await addUser(server.ctx, 'manager', sibling.code));
    expect((await other.get(`/api/v1/posts/${id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/posts/${id}/approve`)).statusCode).toBe(404);
    expect(((await other.get('/api/v1/posts')).json() as { items: unknown[] }).items).toEqual([]);
    const viewer = await signIn(server.app, await addUser(server.ctx, 'viewer', branch.code));
    expect((await draft(viewer, branch, [channels.branch])).statusCode).toBe(403);
  });

  it("returns a post with the branch manager's comment", async () => {
    const { id } = (await draft(editor, branch, [channels.branch])).json() as PlanPostAnswer;
    await editor.post(`/api/v1/posts/${id}/submit`);
    const manager = await signIn(server.app, await addUser(server.ctx, 'manager', branch.code));
    const returned = await manager.post(`/api/v1/posts/${id}/return`, { comment: 'Назовите юристов' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', comment: 'Назовите юристов' });
    expect((await editor.get(`/api/v1/posts/${id}`)).json()).toMatchObject({ state: 'returned' });
  });
});
