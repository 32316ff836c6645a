/** The API's answers about people: a user, the signed-in session with its abilities, API tokens. */
import { z } from 'zod';
import { ROLES, UI_LANGS } from './vocabulary.js';

export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

export const userAnswer = z.object({
  id: z.number().int(),
  login: z.string(),
  role: z.enum(ROLES),
  orgId: z.number().int().nullable(),
  orgCode: z.string().nullable(),
  name: z.string().nullable(),
  lang: z.enum(UI_LANGS),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userAnswer>;

export const createdUserAnswer = z.object({
  user: userAnswer,
  /** The password when the server generated it: shown this once. */
  generatedPassword: z.string().optional(),
});

export const sessionAnswer = z.object({
  user: userAnswer,
  /** Sent back in the X-CSRF-Token header with every state-changing request; empty under an API token. */
  csrfToken: z.string(),
  /** What the user may do, by resource. */
  abilities: z.record(z.string(), z.array(z.enum(ACTIONS))),
});
export type Session = z.infer<typeof sessionAnswer>;

export const apiTokenAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  /** Null for a token made before tokens expired. */
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** A new token: the secret itself is in this answer only. */
export const createdApiTokenAnswer = z.object({
  id: z.number().int(),
  token: z.string(),
  expiresAt: z.string(),
});
