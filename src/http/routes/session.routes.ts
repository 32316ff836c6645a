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
import { apiTokenInput, credentials } from '../../shared/schemas.js';
import { UI_LANGS } from '../../shared/vocabulary.js';
import { SESSION_COOKIE } from '../request-context.js';
import { idParams } from './common.js';
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
  app.post(
    '/session',
    { config: { public: true, rateLimit: LOGIN_RATE }, schema: { tags: ['session'], body: credentials } },
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
  app.get('/session', { schema: { tags: ['session'] } }, (request) =>
    whoAmI(request.ctx, request.csrfToken ?? ''),
  );

  app.delete('/session', { schema: { tags: ['session'] } }, async (request, reply) => {
    if (request.sessionToken) await endSession(request.ctx, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.put(
    '/session/lang',
    { schema: { tags: ['session'], body: z.strictObject({ lang: z.enum(UI_LANGS) }) } },
    async (request, reply) => {
      await setOwnLanguage(request.ctx, request.body.lang);
      return reply.status(204).send();
    },
  );

  app.get('/tokens', { schema: { tags: ['session'] } }, async (request) => ({
    items: await listOwnApiTokens(request.ctx),
  }));

  // Only a session may create tokens: a request signed in by a token is refused (403 token_needs_session).
  app.post('/tokens', { schema: { tags: ['session'], body: apiTokenInput } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(request.ctx, request.body)),
  );

  app.delete('/tokens/:id', { schema: { tags: ['session'], params: idParams } }, async (request, reply) => {
    await revokeOwnApiToken(request.ctx, request.params.id);
    return reply.status(204).send();
  });
};
