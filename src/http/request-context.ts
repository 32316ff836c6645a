/**
 * Who is asking: the session cookie or an API token is resolved to a user before anything else runs, and the
 * request gets a Context acting for them. State-changing requests under a session must echo its CSRF token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, UnauthenticatedError } from '../domain/errors.js';
import type { Context } from '../services/context.js';
import { resolveApiToken, resolveSession } from '../services/user.service.js';
import { UI_LANGS, type UiLang } from '../shared/vocabulary.js';

export const SESSION_COOKIE = 'aqparat_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The use cases' context, acting for the signed-in user (or as nobody on public routes). */
    ctx: Context;
    lang: UiLang;
    /** The session's token, when the request came with the session cookie. */
    sessionToken: string | undefined;
    /** The token the session's state-changing requests must echo. */
    csrfToken: string | undefined;
  }
  interface FastifyContextConfig {
    /** Answered without signing in (health, sign-in, the API document, the web application's files). */
    public?: boolean;
  }
}

/** The language the request asks for in Accept-Language, among the UI languages; Russian by default. */
export function languageOf(request: FastifyRequest): UiLang {
  const header = String(request.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    const lang = UI_LANGS.find((candidate) => candidate === tag);
    if (lang) return lang;
  }
  return 'ru';
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The onRequest hook: signs the request in, or refuses it with 401 unless the route is public. */
export function authenticateWith(base: Context) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.lang = languageOf(request);
    request.ctx = { ...base, log: request.log as Context['log'] };
    const bearer = bearerOf(request);
    const cookie = request.cookies[SESSION_COOKIE];
    // Public only when the route the router matched says so, never by the URL's text: the router decodes the
    // path, a prefix test of the raw URL does not. No route matched: the 404 answer runs none of ours.
    const isPublic = request.routeOptions.config.public === true || request.is404;
    if (bearer) {
      const signedIn = await resolveApiToken(base, bearer);
      if (!signedIn) throw new UnauthenticatedError();
      request.ctx = { ...request.ctx, actor: signedIn.actor };
      request.lang = signedIn.lang;
      return;
    }
    const session = cookie ? await resolveSession(base, cookie) : undefined;
    if (session) {
      request.ctx = { ...request.ctx, actor: session.actor };
      request.lang = session.lang;
      request.sessionToken = cookie;
      request.csrfToken = session.csrfToken;
      const given = request.headers[CSRF_HEADER];
      if (!SAFE_METHODS.has(request.method) && !isPublic) {
        if (typeof given !== 'string' || !sameToken(given, session.csrfToken)) {
          throw new DomainError('csrf_invalid');
        }
      }
      return;
    }
    if (!isPublic) throw new UnauthenticatedError();
  };
}
