/**
 * Checks while writing a post of the content plan (`POST /api/v1/posts/check`): the analysis of each text as the
 * publications' view explains it, and the platforms' limits and the languages the organization publishes in, each
 * a note in the user's language. The web's post form asks for them as the author types.
 */
import { z } from 'zod';
import { code } from './schemas.js';
import { CONTENT_LANGS, PLATFORMS, TOPICS } from './vocabulary.js';

/** The draft as it stands: texts may be empty while the author types; channels as picked, none yet allowed. */
export const postCheckInput = z.strictObject({
  org: code.meta({ description: 'The organization the post is about (its subject)', example: 'abai' }),
  textRu: z.string().max(20_000).nullish(),
  textKk: z.string().max(20_000).nullish(),
  channels: z.array(code).max(20).default([]),
  imageCount: z.number().int().min(0).max(10).default(0),
});
export type PostCheckInput = z.input<typeof postCheckInput>;

export const POST_NOTE_CODES = [
  'telegram_text_too_long',
  'telegram_caption_too_long',
  'instagram_needs_image',
  'facebook_link_preview',
  'missing_kk',
  'missing_ru',
  'text_language_differs',
  'declarative',
] as const;
export type PostNoteCode = (typeof POST_NOTE_CODES)[number];

/** One finding on the draft: an error stops the post going out as it is, a warning or a hint does not. */
export const postNote = z.object({
  code: z.enum(POST_NOTE_CODES),
  level: z.enum(['error', 'warning', 'info']),
  /** The channel it is about, for a platform's limit. */
  channel: z.string().nullable(),
  message: z.string(),
});
export type PostNote = z.infer<typeof postNote>;

/** A group of reasons in words, as the publications' view shows them (shared/reason-phrases.ts). */
const reasonGroup = z.object({
  title: z.string(),
  summary: z.string().optional(),
  phrases: z.array(z.string()),
});

/** The analysis of one of the post's texts. */
export const textCheck = z.object({
  /** The field analysed: the Russian or the Kazakh text. */
  field: z.enum(['ru', 'kk']),
  length: z.number().int(),
  language: z.enum(CONTENT_LANGS),
  topic: z.enum(TOPICS),
  concreteness: z.number(),
  declarative: z.boolean(),
  /** In one phrase: the facts the text has, or what it lacks («нет даты, нет числа, нет имени: …»). */
  verdict: z.string(),
  groups: z.array(reasonGroup),
});
export type TextCheck = z.infer<typeof textCheck>;

export const postCheckAnswer = z.object({
  texts: z.array(textCheck),
  notes: z.array(postNote),
  /** Whether the organization's publications of its latest year are in both Russian and Kazakh. */
  bilingual: z.boolean(),
});
export type PostCheckAnswer = z.infer<typeof postCheckAnswer>;

/** A channel a post of the organization may go to: its own or an ancestor's, open. */
export const postChannelAnswer = z.object({
  code: z.string(),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  org: z.string(),
});
export type PostChannelAnswer = z.infer<typeof postChannelAnswer>;
