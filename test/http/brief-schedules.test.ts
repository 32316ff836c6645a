/**
 * Brief schedules over HTTP, on both databases: an administrator and a manager of the organization (or of one
 * above it) add, list and remove them; a viewer and an editor are refused (403), another branch's manager finds
 * none (404) and lists none of them; a wrong address is refused in the user's language, naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefSchedule } from '../../src/services/brief-schedule.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { buildOrg } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

describe.each(DIALECTS)('brief schedules over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let region: Organization;
  let branch: Organization;
  let sibling: Organization;
  let manager: Client;

  const input = (org: string) => ({
    org,
    every: 'month',
    langs: ['ru', 'kk'],
    formats: ['docx', 'pdf'],
    to: ['press@example.kz'],
  });
  const items = async (client: Client) =>
    ((await client.get('/api/v1/brief-schedules')).json() as { items: BriefSchedule[] }).items;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    region = await buildOrg(server.ctx, 'region');
    branch = await buildOrg(server.ctx, 'branch', region);
    sibling = await buildOrg(server.ctx, 'branch', region);
    manager = await signIn(server.app, await addUser(server.ctx, 'manager', branch.code));
  });
  afterAll(() => server.close());

  it("lets a manager add, list and remove their organization's schedules", async () => {
    const created = await manager.post('/api/v1/brief-schedules', input(branch.code));
    expect(created.statusCode).toBe(201);
    const schedule = created.json() as BriefSchedule;
    expect(schedule).toMatchObject({
      org: branch.code,
      every: 'month',
      langs: ['ru', 'kk'],
      formats: ['docx', 'pdf'],
      to: ['press@example.kz'],
      lastSending: null,
    });
    expect((await items(manager)).map((item) => item.id)).toEqual([schedule.id]);

    const removed = await manager.delete(`/api/v1/brief-schedules/${schedule.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await items(manager)).toEqual([]);
    expect((await manager.delete(`/api/v1/brief-schedules/${schedule.id}`)).statusCode).toBe(404);
  });

  it('lets an administrator and the manager of the region above do the same', async () => {
    const admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    const regional = await signIn(server.app, await addUser(server.ctx, 'manager', region.code));
    const byAdmin = await admin.post('/api/v1/brief-schedules', input(region.code));
    expect(byAdmin.statusCode).toBe(201);
    const byRegion = await regional.post('/api/v1/brief-schedules', input(branch.code));
    expect(byRegion.statusCode).toBe(201);
    expect((await items(regional)).map((item) => item.org).sort()).toEqual([region.code, branch.code].sort());
    // The branch's manager sees the branch's schedule, not the region's.
    expect((await items(manager)).map((item) => item.org)).toEqual([branch.code]);
    for (const created of [byAdmin, byRegion]) {
      const { id } = created.json() as BriefSchedule;
      expect((await admin.delete(`/api/v1/brief-schedules/${id}`)).statusCode).toBe(204);
    }
  });

  it('refuses a viewer and an editor (403), and another branch (404)', async () => {
    const { id } = (
      await manager.post('/api/v1/brief-schedules', input(branch.code))
    ).json() as BriefSchedule;
    for (const role of ['viewer', 'editor'] as const) {
      const client = await signIn(server.app, await addUser(server.ctx, role, branch.code));
      const added = await client.post('/api/v1/brief-schedules', input(branch.code));
      expect(added.statusCode).toBe(403);
      expect(added.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await client.get('/api/v1/brief-schedules')).statusCode).toBe(403);
      expect((await client.delete(`/api/v1/brief-schedules/${id}`)).statusCode).toBe(403);
    }
    const other = await signIn(server.app, await addUser(server.ctx, 'manager', sibling.code));
    const added = await other.post('/api/v1/brief-schedules', input(branch.code));
    expect(added.statusCode).toBe(404);
    expect(added.json()).toMatchObject({ error: { code: 'org_unknown' } });
    expect(await items(other)).toEqual([]);
    const removed = await other.delete(`/api/v1/brief-schedules/${id}`);
    expect(removed.statusCode).toBe(404);
    expect(removed.json()).toMatchObject({ error: { code: 'schedule_unknown' } });
    expect((await items(manager)).map((item) => item.id)).toEqual([id]);
  });

  it("refuses a wrong address naming the field, in the user's language", async () => {
    const response = await manager.post('/api/v1/brief-schedules', {
      ...input(branch.code),
      to: ['press@example.kz', 'not an address'],
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as {
      error: { code: string; fields: { path: string; message: string }[] };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((field) => field.path)).toEqual(['to.1']);
    expect(error.fields[0]?.message).toBe('поле «to.1»: неверный формат (email)');
  });
});
