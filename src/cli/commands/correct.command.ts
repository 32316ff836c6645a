import type { Command } from 'commander';
import { correctPublication } from '../../services/analysis.service.js';
import type { CorrectionInput } from '../../shared/schemas.js';
import { CONTENT_LANGS, TOPICS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

interface CorrectOptions extends CommonOptions {
  publication?: string;
  channel?: string;
  externalId?: string;
  topic?: string;
  topics?: string;
  declarative?: string;
  repost?: string;
  source?: string;
  language?: string;
  by?: string;
}

const yesNo = (option: string, value: string) => oneOf(option, value, ['yes', 'no'] as const) === 'yes';

export function correctCommand(program: Command): void {
  withCommonOptions(
    program
      .command('correct')
      .description("correct a publication's labels; the correction is stored (who, when) and always wins")
      .option('--publication <id>', 'the publication, by id')
      .option('--channel <code>', 'the publication, by channel …')
      .option('--external-id <id>', '… and external id')
      .option('--topic <topic>', `the primary topic: ${TOPICS.join(', ')}`)
      .option('--topics <list>', 'every topic, comma-separated, the primary first')
      .option('--declarative <yes|no>', 'declarative or concrete')
      .option('--repost <yes|no>', 'a repost or an original')
      .option('--source <source>', "a repost's source")
      .option('--language <lang>', `the language: ${CONTENT_LANGS.join(', ')}`)
      .option('--by <name>', 'who corrects'),
  ).action(async (options: CorrectOptions) => {
    const lang = langOf(options);
    const publication: CorrectionInput['publication'] = options.publication
      ? Number(options.publication)
      : { channel: options.channel ?? '', externalId: options.externalId ?? '' };
    const input: CorrectionInput = {
      publication,
      ...(options.topic ? { primaryTopic: oneOf('--topic', options.topic, TOPICS) } : {}),
      ...(options.topics
        ? { topics: options.topics.split(',').map((topic) => oneOf('--topics', topic.trim(), TOPICS)) }
        : {}),
      ...(options.declarative ? { declarative: yesNo('--declarative', options.declarative) } : {}),
      ...(options.repost ? { isRepost: yesNo('--repost', options.repost) } : {}),
      ...(options.source ? { repostSource: options.source } : {}),
      ...(options.language ? { language: oneOf('--language', options.language, CONTENT_LANGS) } : {}),
      ...(options.by ? { by: options.by } : {}),
    };
    await runCommand(options, async (ctx) => {
      const result = await correctPublication(ctx, input);
      console.log(say(lang, 'corrected', { id: result.publicationId, fields: result.fields.join(', ') }));
    });
  });
}
