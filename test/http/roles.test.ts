/**
 * Every role × every resource × an organization that is the user's own, a child of it, its parent or a sibling:
 * allowed or denied, as the roles of the server issue say. The expected table is written out here, apart from
 * the policies it checks. Denials: 403 when the role may not, 404 (read) or 400/404 (write: the organization is
 * unknown to the caller) when the record lies outside the user's subtree.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/services/context.js';
import { addTask, createRecord } from '../../src/services/registry.service.js';
import { recordChange } from '../../src/services/audit.service.js';
import { importFile } from '../../src/services/import.service.js';
import { addPublication } from '../../src/services/publication.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { real } from '../importers/helpers.js';
import { addUser, type Client, formOf, openTestServer, signIn, type TestServer } from './client.js';

const ROLES = ['admin', 'manager', 'editor', 'viewer'] as const;
type Role = (typeof ROLES)[number];
const RELATIONS = ['own', 'child', 'parent', 'sibling'] as const;
type Relation = (typeof RELATIONS)[number];
type Action = 'read' | 'write';

/** What the issue grants: read by all in scope (the audit log: managers); writes by role. */
const WRITES: Record<Role, 'all' | readonly string[]> = {
  admin: 'all',
  manager: 'all',
  editor: ['publications', 'mentions', 'imports'],
  viewer: [],
};
const READ_ONLY_FOR_MANAGERS = ['audit'];
/** Installation-wide: where the user sits in the tree does not matter, only the role. */
const INSTALLATION_WIDE = ['settings'];
/** Changed by the administrator alone. */
const ADMIN_ONLY = ['settings'];
/** Read also below their organization, where mentions and subscriptions refer to them (a region's newspaper). */
const READ_FROM_BELOW = ['outlets'];

function expected(
  role: Role,
  resource: string,
  action: Action,
  relation: Relation,
): 'allow' | 'role' | 'scope' {
  if (action === 'write' && ADMIN_ONLY.includes(resource) && role !== 'admin') return 'role';
  const writes = WRITES[role];
  const mayAct =
    action === 'read'
      ? !READ_ONLY_FOR_MANAGERS.includes(resource) || role === 'admin' || role === 'manager'
      : writes === 'all' || writes.includes(resource);
  if (!mayAct) return 'role';
  if (role === 'admin' || INSTALLATION_WIDE.includes(resource)) return 'allow';
  if (action === 'read' && relation === 'parent' && READ_FROM_BELOW.includes(resource)) return 'allow';
  return relation === 'own' || relation === 'child' ? 'allow' : 'scope';
}

/** How a resource is read and written at an organization; `seed` makes the record read, as the system. */
interface Probe {
  resource: string;
  seed(ctx: Context, org: string): Promise<{ id: number | string }>;
  read(client: Client, seeded: { id: number | string }): ReturnType<Client['get']>;
  /** None for what no one changes through the API (the audit log, measures, briefs). */
  write?(client: Client, org: string, seeded: { id: number | string }): ReturnType<Client['get']>;
}

/** A plain record kind of the registry: seeded and created with the same body. */
function registryProbe(
  resource: string,
  body: (org: string, ctx: Context) => Promise<Record<string, unknown>>,
) {
  return {
    resource,
    seed: async (ctx: Context, org: string) =>
      createRecord(ctx, resource as Parameters<typeof createRecord>[1], await body(org, ctx)),
    read: (client: Client, seeded: { id: number | string }) => client.get(`/api/v1/${resource}/${seeded.id}`),
    write: async (client: Client, org: string) =>
      client.post(`/api/v1/${resource}`, await body(org, probeCtx)),
  } satisfies Probe;
}

let probeCtx: Context;

/** Records keyed by organization and date (or year) need a new one each time. */
let serial = 0;
function nextDate(): string {
  serial += 1;
  return new Date(Date.UTC(2000, 0, 1) + serial * 86_400_000).toISOString().slice(0, 10);
}
function nextYear(): number {
  serial += 1;
  return 1990 + (serial % 110);
}

async function channelAt(ctx: Context, org: string): Promise<string> {
  const code = uniqueCode('ch');
  await createRecord(ctx, 'channels', { code, org, platform: 'telegram', name: `Канал ${code}` });
  return code;
}

async function outletAt(ctx: Context, org: string): Promise<string> {
  const code = uniqueCode('outlet');
  await createRecord(ctx, 'outlets', { code, org, name: `Газета ${code}`, level: 'district' });
  return code;
}

const PROBES: Probe[] = [
  registryProbe('membership', async (org) => ({ org, asOf: nextDate(), members: 100 })),
  registryProbe('people', async (org) => ({ org, fullName: 'Сотрудник' })),
  registryProbe('channels', async (org) => {
    const code = uniqueCode('ch');
    return { code, org, platform: 'telegram', name: `Канал ${code}` };
  }),
  registryProbe('audience', async (org, ctx) => ({
    channel: await channelAt(ctx, org),
    asOf: nextDate(),
    followers: 10,
  })),
  registryProbe('outlets', async (org) => {
    const code = uniqueCode('outlet');
    return { code, org, name: `Газета ${code}`, level: 'district' };
  }),
  registryProbe('mentions', async (org, ctx) => ({
    org,
    outlet: await outletAt(ctx, org),
    publishedOn: '2024-02-01',
    title: uniqueCode('Статья'),
  })),
  registryProbe('subscriptions', async (org, ctx) => ({
    org,
    outlet: await outletAt(ctx, org),
    year: 2024,
    copies: 3,
  })),
  registryProbe('materials', async (org) => ({
    org,
    titleRu: uniqueCode('Памятка'),
    kind: 'manual',
    issuedOn: '2024-01-10',
  })),
  registryProbe('events', async (org) => ({
    org,
    titleRu: uniqueCode('Семинар'),
    kind: 'seminar',
    topic: 'legal',
    heldOn: '2024-03-01',
  })),
  registryProbe('decisions', async (org) => ({
    org,
    body: 'presidium',
    adoptedOn: '2024-01-15',
    titleRu: uniqueCode('Решение'),
  })),
  registryProbe('app-usage', async (org) => ({
    org,
    asOf: nextDate(),
    registered: 5,
  })),
  registryProbe('targets', async (org) => ({
    org,
    metric: 'publications',
    year: nextYear(),
    value: 12,
  })),
  {
    resource: 'decisions',
    seed: async (ctx, org) => {
      const decision = await createRecord(ctx, 'decisions', {
        org,
        body: 'plenum',
        adoptedOn: '2024-01-20',
        titleRu: 'x',
      });
      return addTask(ctx, decision.id, { textRu: 'Открыть страницу' });
    },
    read: (client, seeded) => client.get(`/api/v1/tasks/${seeded.id}`),
    write: (client, _org, seeded) =>
      client.patch(`/api/v1/tasks/${seeded.id}`, { status: 'done', doneOn: '2024-05-01' }),
  },
  {
    resource: 'organizations',
    seed: async (_ctx, org) => ({ id: org }),
    read: (client, seeded) => client.get(`/api/v1/organizations/${seeded.id}`),
    write: (client, org) => client.patch(`/api/v1/organizations/${org}`, { sortOrder: 7 }),
  },
  {
    resource: 'users',
    seed: async (ctx, org) => {
      const login = await addUser(ctx, 'viewer', org);
      const row = await ctx.db.kysely
        .selectFrom('appUser')
        .select('id')
        .where('login', '=', login)
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },
    read: (client, seeded) => client.get(`/api/v1/users/${seeded.id}`),
    write: (client, _org, seeded) => client.patch(`/api/v1/users/${seeded.id}`, { name: 'Переименован' }),
  },
  {
    resource: 'audit',
    seed: async (ctx, org) => {
      const row = await ctx.db.kysely
        .selectFrom('organization')
        .select('id')
        .where('code', '=', org)
        .executeTakeFirstOrThrow();
      return {
        id: await recordChange(ctx, {
          action: 'update',
          resource: 'organizations',
          recordId: row.id,
          orgId: row.id,
        }),
      };
    },
    read: (client, seeded) => client.get(`/api/v1/audit/${seeded.id}`),
  },
  {
    resource: 'publications',
    seed: async (ctx, org) => ({
      id: await addPublication(ctx, {
        channel: await channelAt(ctx, org),
        externalId: uniqueCode('post'),
        publishedAt: '2024-03-01T06:00:00Z',
        text: 'Консультация по трудовым спорам',
      }),
    }),
    read: (client, seeded) => client.get(`/api/v1/publications/${seeded.id}`),
    write: (client, _org, seeded) =>
      client.patch(`/api/v1/publications/${seeded.id}`, { primaryTopic: 'legal' }),
  },
  {
    resource: 'imports',
    seed: async (ctx, org) => {
      const channel = await channelAt(ctx, org);
      const summary = await importFile(ctx, { file: TELEGRAM, channel, acceptChatType: true });
      return { id: summary.batchId ?? 0, channel } as { id: number; channel: string };
    },
    read: (client, seeded) => client.get(`/api/v1/imports/${seeded.id}`),
    // A dry run: the same checks as an upload that stores, nothing stored.
    write: async (client, org) =>
      client.request({
        method: 'POST',
        url: '/api/v1/imports',
        ...(await formOf(
          { channel: await channelAt(probeCtx, org), dryRun: 'true', acceptChatType: 'true' },
          { name: 'export.json', content: readFileSync(TELEGRAM) },
        )),
      }),
  },
  {
    resource: 'attribution-rules',
    seed: async (_ctx, org) => ({ id: org }),
    read: (client, seeded) => client.get(`/api/v1/attribution-rules?org=${seeded.id}`),
    write: (client, org) =>
      client.post('/api/v1/attribution-rules', { org, kind: 'hashtag', pattern: uniqueCode('tag') }),
  },
  {
    resource: 'measures',
    seed: async (_ctx, org) => ({ id: org }),
    read: (client, seeded) => client.get(`/api/v1/measures/dashboard?org=${seeded.id}&period=2024`),
  },
  {
    resource: 'briefs',
    seed: async (_ctx, org) => ({ id: org }),
    read: (client, seeded) =>
      client.get(`/api/v1/briefs/download?org=${seeded.id}&period=2024&lang=ru&format=md`),
  },
  {
    resource: 'settings',
    seed: async () => ({ id: 'settings' }),
    read: (client) => client.get('/api/v1/settings'),
    write: (client) => client.patch('/api/v1/settings', { presence: { activeDays: 120 } }),
  },
];

const TELEGRAM = real('telegram/htx-erg_private_supergroup_result.json');

describe.each(DIALECTS)('roles × resources × organizations (%s)', (dialect) => {
  let server: TestServer;
  const orgs = {} as Record<Relation, string>;
  const clients = {} as Record<Role, Client>;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    probeCtx = server.ctx;
    const region = await buildOrg(server.ctx, 'region');
    const own = await buildOrg(server.ctx, 'branch', region);
    const sibling = await buildOrg(server.ctx, 'branch', region);
    const child = await buildOrg(server.ctx, 'primary', own);
    Object.assign(orgs, { own: own.code, child: child.code, parent: region.code, sibling: sibling.code });
    for (const role of ROLES) {
      clients[role] = await signIn(
        server.app,
        await addUser(server.ctx, role, role === 'admin' ? undefined : own.code),
      );
    }
  });
  afterAll(async () => server.close());

  const cases = PROBES.flatMap((probe) =>
    ROLES.flatMap((role) =>
      (['read', 'write'] as const)
        .filter((action) => action === 'read' || probe.write !== undefined)
        .map((action) => ({ probe, role, action, label: `${role} ${action}s ${probe.resource}` })),
    ),
  );

  it.each(cases)(
    '$label at its own, a child, the parent and a sibling organization',
    async ({ probe, role, action }) => {
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const relation of RELATIONS) {
        const seeded = await probe.seed(server.ctx, orgs[relation]);
        const response =
          action === 'read'
            ? await probe.read(clients[role], seeded)
            : await probe.write!(clients[role], orgs[relation], seeded);
        const status = response.statusCode;
        outcomes[relation] =
          status < 300
            ? 'allow'
            : status === 403
              ? 'role'
              : [400, 404].includes(status)
                ? 'scope'
                : `status ${status}`;
        wanted[relation] = expected(role, probe.resource, action, relation);
      }
      expect(outcomes).toEqual(wanted);
    },
  );
});
