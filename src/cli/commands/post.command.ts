/**
 * `aqparat post`: the content plan's posts. `add` drafts one (prints its id; `--json`: `{id, state}`), `submit`,
 * `approve` and `return` move it (the CLI acts as the installation's administrator, so `approve` may take a draft
 * at once), `list` shows the plan.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  listPosts,
  movePost,
  type PlanPost,
  type PostStep,
  createPost,
} from '../../services/plan/post.service.js';
import { PLAN_POST_STATES, TOPICS, type PlanPostState, type UiLang } from '../../shared/vocabulary.js';
import {
  type CommonOptions,
  langOf,
  oneOf,
  reportFailure,
  runCommand,
  say,
  withCommonOptions,
} from '../options.js';
import type { CliText } from '../texts.js';

interface AddOptions extends CommonOptions {
  org: string;
  channel: string;
  text: string;
  textKk?: string;
  image?: string[];
  at: string;
  topic?: string;
  json?: boolean;
}

interface MoveOptions extends CommonOptions {
  comment?: string;
  json?: boolean;
}

interface ListOptions extends CommonOptions {
  org?: string;
  state?: string;
  json?: boolean;
}

export const PLAN_STATE_TEXTS: Record<PlanPostState, CliText> = {
  draft: 'planDraft',
  submitted: 'planSubmitted',
  approved: 'planApproved',
  returned: 'planReturned',
  scheduled: 'planScheduled',
  published: 'planPublished',
  failed: 'planFailed',
};

/** The start of the post's text, on one line. */
const excerpt = (post: PlanPost) => {
  const text = (post.textKk ?? post.textRu ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

function postLine(post: PlanPost, lang: UiLang): string {
  return say(lang, 'postLine', {
    id: post.id,
    at: post.plannedAt,
    org: post.org,
    state: say(lang, PLAN_STATE_TEXTS[post.state]),
    channels: post.channels.map((channel) => channel.channel).join(','),
    text: excerpt(post),
  });
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function postCommand(program: Command): void {
  const post = program.command('post').description("the content plan's posts: draft, approve, list");

  withCommonOptions(
    post
      .command('add')
      .description('draft a post of an organization for its channels or those of an organization above it')
      .requiredOption('--org <code>', 'organization code, e.g. abai')
      .requiredOption('--channel <codes>', 'the channels to publish to, comma-separated channel codes')
      .requiredOption('--text <text>', "the post's text (its Russian version where there are two)")
      .option('--text-kk <text>', "the post's Kazakh version")
      .option(
        '--image <file>',
        'an image to publish with it (JPEG or PNG, up to 10 MB); repeated, up to 10: a Telegram album',
        (file: string, files: string[] = []) => [...files, file],
      )
      .requiredOption(
        '--at <instant>',
        'when to publish: an ISO instant with its zone, e.g. 2026-12-08T10:00:00+05:00',
      )
      .option('--topic <topic>', `the planned topic: ${TOPICS.join(', ')}`)
      .option('--json', 'print {id, state}'),
  ).action(async (options: AddOptions) => {
    const lang = langOf(options);
    try {
      const topic = options.topic === undefined ? undefined : oneOf('--topic', options.topic, TOPICS);
      await runCommand(options, async (ctx) => {
        const created = await createPost(ctx, {
          org: options.org,
          channels: list(options.channel),
          textRu: options.text,
          ...(options.textKk !== undefined ? { textKk: options.textKk } : {}),
          plannedAt: options.at,
          ...(topic !== undefined ? { topic } : {}),
          ...(options.image !== undefined
            ? { images: options.image.map((file) => readFileSync(file).toString('base64')) }
            : {}),
        });
        console.log(
          options.json ? JSON.stringify({ id: created.id, state: created.state }) : String(created.id),
        );
      });
    } catch (error) {
      process.exitCode = reportFailure(error, lang, options.json);
    }
  });

  const steps: { step: PostStep; description: string }[] = [
    { step: 'submit', description: 'submit a drafted or returned post for approval' },
    { step: 'approve', description: 'approve a post: it is published at its instant' },
    { step: 'return', description: 'return a post to its author with a comment' },
  ];
  for (const { step, description } of steps) {
    withCommonOptions(
      post
        .command(step)
        .description(description)
        .argument('<id>', 'the post’s number')
        .option('--comment <text>', 'a comment for the author')
        .option('--json', 'print the post as JSON'),
    ).action(async (id: string, options: MoveOptions) => {
      const lang = langOf(options);
      try {
        await runCommand(options, async (ctx) => {
          const number = Number(id);
          const moved = await movePost(
            ctx,
            Number.isSafeInteger(number) && number > 0 ? number : 0,
            step,
            options.comment !== undefined ? { comment: options.comment } : {},
          );
          console.log(
            options.json
              ? JSON.stringify(moved, null, 2)
              : say(lang, 'postMoved', { id: moved.id, state: say(lang, PLAN_STATE_TEXTS[moved.state]) }),
          );
        });
      } catch (error) {
        process.exitCode = reportFailure(error, lang, options.json);
      }
    });
  }

  withCommonOptions(
    post
      .command('list')
      .description('the posts of the plan by planned instant')
      .option('--org <code>', 'only this organization and the ones under it')
      .option('--state <state>', `only the posts in this state: ${PLAN_POST_STATES.join(', ')}`)
      .option('--json', 'print the posts as JSON'),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    try {
      const state =
        options.state === undefined ? undefined : oneOf('--state', options.state, PLAN_POST_STATES);
      await runCommand(options, async (ctx) => {
        const posts = await listPosts(ctx, {
          ...(options.org !== undefined ? { org: options.org } : {}),
          ...(state !== undefined ? { state } : {}),
        });
        if (options.json) console.log(JSON.stringify(posts, null, 2));
        else if (posts.length === 0) console.log(say(lang, 'postNone'));
        else for (const item of posts) console.log(postLine(item, lang));
      });
    } catch (error) {
      process.exitCode = reportFailure(error, lang, options.json);
    }
  });
}
