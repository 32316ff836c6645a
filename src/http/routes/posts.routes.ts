/**
 * The content plan's posts (services/plan/post.service.ts): `GET /posts?org=&state=` lists those of the caller's
 * scope, `GET /posts/:id` one, `POST /posts` drafts one, `PATCH /posts/:id` changes a draft or a returned post,
 * and `POST /posts/:id/submit|approve|return` moves it (an editor submits; a manager of the organization or above
 * approves or returns with a comment; an administrator may approve a draft at once). A post outside the caller's
 * subtree is 404. A channel's failure comes with the platform's reason in the user's language, and notifies the
 * post's author (notifications.routes.ts, registered here). `GET /media/plan/:token` serves an approved post's
 * image without a sign-in, for Instagram to fetch.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePost,
  commentInput,
  createPost,
  getPost,
  listPosts,
  movePost,
  type PlanPost,
  postChange,
  postFilter,
  postInput,
  type PostStep,
} from '../../services/plan/post.service.js';
import { describeError, ERROR_CODES, type ErrorCode } from '../../shared/messages.js';
import { planFact } from '../../services/dashboard.service.js';
import { toldPlanFact } from '../../services/plan/plan-fact.service.js';
import { planFactAnswer } from '../../shared/plan-fact.schema.js';
import { type PlanPostAnswer, planPostAnswer } from '../../shared/plan-post.schema.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { NotFoundError } from '../../domain/errors.js';
import { publicImage } from '../../services/plan/publish.service.js';
import { idParams, orgParam, PERIOD_DESCRIPTION, periodParam } from './common.js';
import { notificationRoutes } from './notifications.routes.js';
import { file, json, replies } from './replies.js';

const isErrorCode = (value: string): value is ErrorCode => (ERROR_CODES as readonly string[]).includes(value);

/** The post with each channel's error told in the user's language. */
function answered(post: PlanPost, lang: UiLang): PlanPostAnswer {
  return {
    ...post,
    channels: post.channels.map((sending) => ({
      ...sending,
      error:
        sending.error && isErrorCode(sending.error.code)
          ? { ...sending.error, message: describeError({ ...sending.error, code: sending.error.code }, lang) }
          : null,
    })),
  };
}

/** The list's filters, described for the API document. */
const postQuery = z.strictObject({
  org: orgParam.optional(),
  state: postFilter.shape.state.meta({ description: 'Only the posts in this state', example: 'submitted' }),
});
const commentBody = commentInput.nullish();

export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];
  const list = {
    tags,
    operationId: 'listPosts',
    summary: 'The content plan’s posts of the caller’s scope, by planned instant',
    querystring: postQuery,
    response: replies(
      { 200: json('The posts', z.object({ items: z.array(planPostAnswer) })) },
      400,
      401,
      403,
      404,
    ),
  };
  app.get('/posts', { schema: list }, async (request) => ({
    items: (await listPosts(request.ctx, request.query)).map((post) => answered(post, request.lang)),
  }));
  const one = {
    tags,
    operationId: 'getPost',
    summary: 'One post of the content plan, with each channel’s sending',
    params: idParams,
    response: replies({ 200: json('The post', planPostAnswer) }, 400, 401, 403, 404),
  };
  app.get('/posts/:id', { schema: one }, async (request) =>
    answered(await getPost(request.ctx, request.params.id), request.lang),
  );
  const add = {
    tags,
    operationId: 'createPost',
    summary: 'Draft a post of an organization for its channels or those of an organization above it',
    body: postInput,
    response: replies({ 201: json('The draft', planPostAnswer) }, 400, 401, 403, 404, 413),
  };
  app.post('/posts', { schema: add }, async (request, reply) =>
    reply.status(201).send(answered(await createPost(request.ctx, request.body), request.lang)),
  );
  const change = {
    tags,
    operationId: 'changePost',
    summary: 'Change a draft’s or a returned post’s texts, instant or topic',
    params: idParams,
    body: postChange,
    response: replies({ 200: json('The post changed', planPostAnswer) }, 400, 401, 403, 404, 409),
  };
  app.patch('/posts/:id', { schema: change }, async (request) =>
    answered(await changePost(request.ctx, request.params.id, request.body), request.lang),
  );
  const steps: readonly { step: PostStep; operationId: string; summary: string }[] = [
    { step: 'submit', operationId: 'submitPost', summary: 'Submit a drafted or returned post for approval' },
    {
      step: 'approve',
      operationId: 'approvePost',
      summary: 'Approve a post (a manager of its organization or above; an administrator also a draft)',
    },
    { step: 'return', operationId: 'returnPost', summary: 'Return a post to its author with a comment' },
  ];
  for (const { step, operationId, summary } of steps) {
    const schema = {
      tags,
      operationId,
      summary,
      params: idParams,
      body: commentBody,
      response: replies({ 200: json('The post moved', planPostAnswer) }, 400, 401, 403, 404, 409),
    };
    app.post(`/posts/:id/${step}`, { schema }, async (request) =>
      answered(await movePost(request.ctx, request.params.id, step, request.body ?? {}), request.lang),
    );
  }
  const fact = {
    tags,
    operationId: 'getPlanFact',
    summary:
      'The organization’s targets for the period’s year against the facts the dashboard measures, pro-rated to today',
    querystring: z.strictObject({
      org: orgParam,
      period: periodParam
        .optional()
        .meta({ description: `${PERIOD_DESCRIPTION} The current month by default.` }),
    }),
    response: replies({ 200: json('Plan against fact', planFactAnswer) }, 400, 401, 403, 404),
  };
  app.get('/plan/fact', { schema: fact }, async (request) => {
    const result = await planFact(request.ctx, request.query);
    return {
      ...result,
      items: result.items.map((row) => ({
        ...row,
        message: toldPlanFact(row, result.days.left, request.lang),
      })),
    };
  });
  // A failed sending's notification to the post's author goes with the plan's routes.
  await app.register(notificationRoutes);
  // Public, for Instagram to fetch the image it publishes: the token is unguessable, and only an approved post's
  // (or one being published) is served, never a draft's.
  const media = {
    tags,
    operationId: 'getPlanMedia',
    summary: 'The image of an approved post, by its unguessable token (fetched by Instagram when publishing)',
    params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
    response: replies({ 200: file('The image', ['image/jpeg', 'image/png']) }, 400, 404),
  };
  app.get('/media/plan/:token', { config: { public: true }, schema: media }, async (request, reply) => {
    const image = await publicImage(request.ctx, request.params.token);
    if (!image) throw new NotFoundError('plan_media_unknown', {});
    return reply
      .header('content-type', image.type)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(image.image);
  });
};
