/** Signing in and out, the signed-in user with their abilities, their language, and their API tokens. */
import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  abilitiesOfContext,
  authenticate,
  createApiToken,
  endSession,
  getUser,
  listOwnApiTokens,
  revokeOwnApiToken,
  setOwnLanguage,
  startSession,
} from '../../services/user.service.js';
import type { Context } from '../../services/context.js';
import { apiTokenAnswer, createdApiTokenAnswer, sessionAnswer } from '../../shared/account.schema.js';
import { apiTokenInput, credentials } from '../../shared/schemas.js';
import { UI_LANGS } from '../../shared/vocabulary.js';
import { SESSION_COOKIE } from '../request-context.js';
import { idParams } from './common.js';
import { json, noContent, replies } from './replies.js';
import { UnauthenticatedError } from '../../domain/errors.js';

/**
 * The client's address as sign-ins are counted by: an IPv4 address, or the /64 network of an IPv6 one, since a
 * single client commonly holds a whole /64 and could otherwise try from as many addresses as it likes.
 */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Sign-in attempts per client address a minute, whatever the logins: on top of the throttling of each login from
 * each address (user.service.ts), which this process alone would not see across servers.
 */
const LOGIN_RATE = {
  max: 20,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => clientAddress(request.ip),
};

async function whoAmI(ctx: Context, csrfToken: string) {
  if (ctx.actor.kind !== 'user' || ctx.actor.userId === 0) throw new UnauthenticatedError();
  const user = await getUser(ctx, ctx.actor.userId);
  return { user, csrfToken, abilities: abilitiesOfContext(ctx) };
}

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['session'];
  app.post(
    '/session',
    {
      config: { public: true, rateLimit: LOGIN_RATE },
      schema: {
        tags,
        operationId: 'signIn',
        summary: 'Sign in',
        description:
          'Checks the login and password, sets the session cookie and answers the user with the CSRF token that ' +
          'state-changing requests under this session send back in the X-CSRF-Token header.',
        body: credentials,
        response: replies({ 200: json('Signed in', sessionAnswer) }, 400, 401, 403, 429),
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(
        request.ctx,
        request.body.login,
        request.body.password,
        clientAddress(request.ip),
      );
      const session = await startSession(request.ctx, actor);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        expires: new Date(session.expiresAt),
      });
      return whoAmI({ ...request.ctx, actor }, session.csrfToken);
    },
  );

  // An API token has no session, and so no CSRF token.
  app.get(
    '/session',
    {
      schema: {
        tags,
        operationId: 'getSession',
        summary: 'The signed-in user, their abilities and CSRF token',
        response: replies({ 200: json('The signed-in user', sessionAnswer) }, 401),
      },
    },
    (request) => whoAmI(request.ctx, request.csrfToken ?? ''),
  );

  const signOut = {
    tags,
    operationId: 'signOut',
    summary: 'Sign out',
    response: replies({ 204: noContent('Signed out: the session ended, its cookie cleared') }, 401, 403),
  };
  app.delete('/session', { schema: signOut }, async (request, reply) => {
    if (request.sessionToken) await endSession(request.ctx, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.put(
    '/session/lang',
    {
      schema: {
        tags,
        operationId: 'setSessionLanguage',
        summary: 'Set the signed-in user’s language',
        body: z.strictObject({ lang: z.enum(UI_LANGS) }),
        response: replies({ 204: noContent('The language is remembered for the user') }, 400, 401, 403),
      },
    },
    async (request, reply) => {
      await setOwnLanguage(request.ctx, request.body.lang);
      return reply.status(204).send();
    },
  );

  const listTokens = {
    tags,
    operationId: 'listApiTokens',
    summary: 'The signed-in user’s API tokens',
    response: replies(
      { 200: json('The tokens, without their secrets', z.object({ items: z.array(apiTokenAnswer) })) },
      401,
    ),
  };
  app.get('/tokens', { schema: listTokens }, async (request) => ({
    items: await listOwnApiTokens(request.ctx),
  }));

  // Only a session may create tokens: a request signed in by a token is refused (403 token_needs_session).
  const createToken = {
    tags,
    operationId: 'createApiToken',
    summary: 'Make an API token for scripts',
    description:
      'Under a session only (a request signed in by a token is refused: 403 `token_needs_session`).',
    body: apiTokenInput,
    response: replies(
      { 201: json('The token: its secret is shown this once', createdApiTokenAnswer) },
      400,
      401,
      403,
    ),
  };
  app.post('/tokens', { schema: createToken }, async (request, reply) =>
    reply.status(201).send(await createApiToken(request.ctx, request.body)),
  );

  const revokeToken = {
    tags,
    operationId: 'revokeApiToken',
    summary: 'Revoke one of the signed-in user’s API tokens',
    params: idParams,
    response: replies({ 204: noContent('Revoked') }, 400, 401, 403, 404),
  };
  app.delete('/tokens/:id', { schema: revokeToken }, async (request, reply) => {
    await revokeOwnApiToken(request.ctx, request.params.id);
    return reply.status(204).send();
  });
};
