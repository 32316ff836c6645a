/**
 * Settings and attribution rules over HTTP: every role reads the settings, only an administrator changes them
 * (audited); rules are read and changed within the caller's subtree, a sibling's rule answering 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/services/audit.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { buildTree } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

interface Envelope {
  error: { code: string; message: string; fields?: { path: string; code: string }[] };
}

const fieldPaths = (body: unknown) => ((body as Envelope).error.fields ?? []).map((field) => field.path);

describe.each(DIALECTS)('settings and attribution rules over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;
  let managerA: Client;
  let editorA: Client;
  let viewerA: Client;
  let viewerB: Client;
  let branchA: Organization;
  let branchB: Organization;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { regions } = await buildTree(server.ctx, {
      regions: 1,
      branches: 2,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    [branchA, branchB] = (regions[0]?.branches ?? []).map((branch) => branch.org) as [
      Organization,
      Organization,
    ];
    const { app, ctx } = server;
    admin = await signIn(app, await addUser(ctx, 'admin'));
    managerA = await signIn(app, await addUser(ctx, 'manager', branchA.code));
    editorA = await signIn(app, await addUser(ctx, 'editor', branchA.code));
    viewerA = await signIn(app, await addUser(ctx, 'viewer', branchA.code));
    viewerB = await signIn(app, await addUser(ctx, 'viewer', branchB.code));
  });
  afterAll(() => server.close());

  it('lets every role read the settings in force, the defaults until changed', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/settings' })).statusCode).toBe(401);
    const response = await viewerA.get('/api/v1/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      rules: { low_reach: { minReach: 0.1 }, overdue_tasks: { maxOverdue: 0 } },
      presence: { activeDays: 90 },
      analysis: { repostJaccard: expect.any(Number), declarativeBelow: expect.any(Number) },
    });
  });

  it('lets only an administrator change them, audited; bad values are told by field', async () => {
    const change = { rules: { low_reach: { minReach: 0.2 } }, presence: { activeDays: 60 } };
    for (const client of [managerA, editorA, viewerA]) {
      const refused = await client.patch('/api/v1/settings', change);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const invalid = await admin.patch('/api/v1/settings', {
      rules: { low_reach: { minReach: 2 } },
      colour: 'red',
    });
    expect(invalid.statusCode).toBe(400);
    expect(fieldPaths(invalid.json())).toEqual(
      expect.arrayContaining(['rules.low_reach.minReach', 'colour']),
    );

    const changed = await admin.patch('/api/v1/settings', change);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      rules: { low_reach: { minReach: 0.2 }, legal_share_low: { minShare: 0.15 } },
      presence: { activeDays: 60 },
    });
    expect((await viewerA.get('/api/v1/settings')).json()).toMatchObject(change);

    const [entry] = await listAudit(server.ctx, { resource: 'settings', limit: 10, offset: 0 });
    expect(entry).toMatchObject({
      action: 'update',
      after: { rules: { low_reach: { minReach: 0.2 } }, presence: { activeDays: 60 } },
    });
    expect(entry?.before).toEqual({});
  });

  it("keeps attribution rules within the caller's subtree, audited", async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/attribution-rules' })).statusCode).toBe(
      401,
    );
    const rule = { org: branchA.code, kind: 'hashtag', pattern: '#ФилиалА' };
    expect((await editorA.post('/api/v1/attribution-rules', rule)).statusCode).toBe(403);

    const added = await managerA.post('/api/v1/attribution-rules', rule);
    expect(added.statusCode).toBe(201);
    const { id } = added.json() as { id: number };
    expect((await managerA.post('/api/v1/attribution-rules', rule)).statusCode).toBe(409);

    const invalid = await managerA.post('/api/v1/attribution-rules', { org: branchA.code, kind: 'emoji' });
    expect(invalid.statusCode).toBe(400);
    expect(fieldPaths(invalid.json())).toEqual(expect.arrayContaining(['kind', 'pattern']));
    // A sibling's organization is unknown to the caller, as if it did not exist.
    const sibling = await managerA.post('/api/v1/attribution-rules', { ...rule, org: branchB.code });
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json()).toMatchObject({ error: { fields: [{ path: 'org', code: 'unknown_org' }] } });

    const theirs = await admin.post('/api/v1/attribution-rules', {
      org: branchB.code,
      kind: 'keyword',
      pattern: 'филиал Б',
    });
    const theirId = (theirs.json() as { id: number }).id;

    const listed = await viewerA.get('/api/v1/attribution-rules');
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { items: { id: number }[] }).items.map((item) => item.id)).toEqual([id]);
    expect(
      (await viewerB.get('/api/v1/attribution-rules')).json() as { items: { id: number }[] },
    ).toMatchObject({ items: [{ id: theirId, orgCode: branchB.code, kind: 'keyword' }] });
    expect((await viewerA.get(`/api/v1/attribution-rules?org=${branchB.code}`)).statusCode).toBe(404);

    expect((await managerA.delete(`/api/v1/attribution-rules/${theirId}`)).statusCode).toBe(404);
    expect((await viewerA.delete(`/api/v1/attribution-rules/${id}`)).statusCode).toBe(403);
    expect((await managerA.delete('/api/v1/attribution-rules/x')).statusCode).toBe(400);
    expect((await managerA.delete(`/api/v1/attribution-rules/${id}`)).statusCode).toBe(204);
    expect((await viewerA.get('/api/v1/attribution-rules')).json()).toEqual({ items: [] });

    const entries = await listAudit(server.ctx, {
      resource: 'attribution-rules',
      recordId: id,
      limit: 10,
      offset: 0,
    });
    expect(entries.map((entry) => entry.action)).toEqual(['delete', 'create']);
    expect(entries[0]).toMatchObject({ orgId: branchA.id, before: { kind: 'hashtag', pattern: 'ФилиалА' } });
  });
});
