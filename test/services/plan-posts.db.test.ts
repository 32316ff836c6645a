/**
 * The content plan's posts on both databases: an editor of a branch drafts for the branch's and the region's
 * channels (not a sibling branch's) and submits; a manager of the branch or the region approves or returns with a
 * comment, an editor may not; a post outside the caller's subtree is not found; an administrator approves a draft
 * at once; every step is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ForbiddenError, NotFoundError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/policies/actor.js';
import type { Context } from '../../src/services/context.js';
import type { Organization } from '../../src/services/org.service.js';
import { createPost, getPost, listPosts, movePost } from '../../src/services/plan/post.service.js';
import { createUser } from '../../src/services/user.service.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('the content plan: drafting and approving posts (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let region: Organization;
  let branch: Organization;
  let sibling: Organization;
  const channels = { region: '', branch: '', sibling: '' };
  const as = async (role: Role, org?: Organization): Promise<Context> => {
    const login = `${role}-${Math.random().toString(36).slice(2, 10)}`;
    const { user } = await createUser(ctx, { login, role, ...(org ? { org: org.code } : {}) });
    const actor: Actor = { kind: 'user', userId: user.id, login, role, orgId: user.orgId };
    return { ...ctx, actor };
  };
  const draft = (by: Context, org: Organization, channelCodes: string[]) =>
    createPost(by, {
      org: org.code,
      channels: channelCodes,
      textKk: 'Филиал 12 қарашада 40 мүшеге заң кеңесін өткізді',
      plannedAt: '2026-12-08T10:00:00+05:00',
      topic: 'legal',
    });
  const failureOf = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };
  const audit = (id: number) =>
    ctx.db.kysely
      .selectFrom('auditEntry')
      .select(['action', 'resource'])
      .where('resource', '=', 'posts')
      .where('recordId', '=', id)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const { regions } = await buildTree(ctx, { regions: 1, branches: 2, primariesPerBranch: 0 });
    region = regions[0]!.org;
    branch = regions[0]!.branches[0]!.org;
    sibling = regions[0]!.branches[1]!.org;
    channels.region = await buildChannel(ctx, region, 'telegram');
    channels.branch = await buildChannel(ctx, branch, 'telegram');
    channels.sibling = await buildChannel(ctx, sibling, 'telegram');
  }, 60_000);
  afterAll(() => ctx.close());

  it("an editor drafts for the branch's and the region's channels and submits; a manager above approves", async () => {
    const editor = await as('editor', branch);
    const created = await draft(editor, branch, [channels.branch, channels.region]);
    expect(created).toMatchObject({
      org: branch.code,
      state: 'draft',
      plannedAt: '2026-12-08T05:00:00.000Z',
      topic: 'legal',
      hasImage: false,
    });
    expect(created.channels.map((channel) => [channel.channel, channel.state]).sort()).toEqual(
      [
        [channels.branch, 'pending'],
        [channels.region, 'pending'],
      ].sort(),
    );
    expect((await movePost(editor, created.id, 'submit')).state).toBe('submitted');
    // An editor approves nothing, not even their own post.
    expect(await failureOf(movePost(editor, created.id, 'approve'))).toBeInstanceOf(ForbiddenError);
    const manager = await as('manager', region);
    const approved = await movePost(manager, created.id, 'approve', { comment: 'Хорошо' });
    expect(approved).toMatchObject({ state: 'approved', comment: 'Хорошо' });
    expect(await audit(created.id)).toEqual([
      { action: 'create', resource: 'posts' },
      { action: 'update', resource: 'posts' },
      { action: 'update', resource: 'posts' },
    ]);
  });

  it("a sibling branch's channel is refused, and the region is outside a branch editor's subtree", async () => {
    const editor = await as('editor', branch);
    const refused = await failureOf(draft(editor, branch, [channels.branch, channels.sibling]));
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'plan_channel_not_allowed',
      params: { channel: channels.sibling, org: branch.code },
    });
    expect(await failureOf(draft(editor, region, [channels.region]))).toMatchObject({ code: 'org_unknown' });
  });

  it("a sibling's editor and manager find no such post; a viewer may not draft", async () => {
    const editor = await as('editor', branch);
    const { id } = await draft(editor, branch, [channels.branch]);
    await movePost(editor, id, 'submit');
    const siblingManager = await as('manager', sibling);
    expect(await failureOf(movePost(siblingManager, id, 'approve'))).toBeInstanceOf(NotFoundError);
    expect(await failureOf(getPost(await as('editor', sibling), id))).toMatchObject({
      code: 'plan_post_unknown',
    });
    expect((await listPosts(siblingManager)).map((post) => post.id)).not.toContain(id);
    expect(await failureOf(draft(await as('viewer', branch), branch, [channels.branch]))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("the branch's manager returns a post with a comment; it is submitted again; a draft cannot be approved by a manager", async () => {
    const editor = await as('editor', branch);
    const manager = await as('manager', branch);
    const { id } = await draft(editor, branch, [channels.branch]);
    expect(await failureOf(movePost(manager, id, 'approve'))).toMatchObject({
      code: 'plan_post_state',
      params: { id, state: 'draft' },
    });
    await movePost(editor, id, 'submit');
    const returned = await movePost(manager, id, 'return', { comment: 'Добавьте число участников' });
    expect(returned).toMatchObject({ state: 'returned', comment: 'Добавьте число участников' });
    expect((await movePost(editor, id, 'submit')).state).toBe('submitted');
    expect(
      (await listPosts(manager, { state: 'submitted', org: branch.code })).map((post) => post.id),
    ).toContain(id);
  });

  it('an administrator approves a draft at once', async () => {
    const admin = await as('admin');
    const { id } = await draft(await as('editor', branch), branch, [channels.branch]);
    expect((await movePost(admin, id, 'approve')).state).toBe('approved');
  });
});
