/**
 * The content plan's posts (services/plan/post.service.ts): `GET /posts?org=&state=` lists those of the caller's
 * scope, `GET /posts/:id` one, `POST /posts` drafts one, `PATCH /posts/:id` changes a draft or a returned post,
 * and `POST /posts/:id/submit|approve|return` moves it (an editor submits; a manager of the organization or above
 * approves or returns with a comment; an administrator may approve a draft at once). A post outside the caller's
 * subtree is 404. A channel's failure comes with the platform's reason in the user's language.
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
import { type PlanPostAnswer, planPostAnswer } from '../../shared/plan-post.schema.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { idParams } from './common.js';

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

export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];
  app.get(
    '/posts',
    {
      schema: {
        tags,
        querystring: postFilter,
        response: { 200: z.object({ items: z.array(planPostAnswer) }) },
      },
    },
    async (request) => ({
      items: (await listPosts(request.ctx, request.query)).map((post) => answered(post, request.lang)),
    }),
  );
  app.get(
    '/posts/:id',
    { schema: { tags, params: idParams, response: { 200: planPostAnswer } } },
    async (request) => answered(await getPost(request.ctx, request.params.id), request.lang),
  );
  app.post(
    '/posts',
    { schema: { tags, body: postInput, response: { 201: planPostAnswer } } },
    async (request, reply) =>
      reply.status(201).send(answered(await createPost(request.ctx, request.body), request.lang)),
  );
  app.patch(
    '/posts/:id',
    { schema: { tags, params: idParams, body: postChange, response: { 200: planPostAnswer } } },
    async (request) => answered(await changePost(request.ctx, request.params.id, request.body), request.lang),
  );
  const steps: readonly PostStep[] = ['submit', 'approve', 'return'];
  for (const step of steps) {
    app.post(
      `/posts/:id/${step}`,
      {
        schema: {
          tags,
          params: idParams,
          body: commentInput.nullish(),
          response: { 200: planPostAnswer },
        },
      },
      async (request) =>
        answered(await movePost(request.ctx, request.params.id, step, request.body ?? {}), request.lang),
    );
  }
};
