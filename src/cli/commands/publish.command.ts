/**
 * `aqparat publish --due`: publishes every approved post whose instant has come (what the server's scheduler
 * does), printing per post and channel `{post, channel, state, externalId, url, error}`; a second run sends
 * nothing. Exits 3 when a sending failed or its outcome is unknown (the others were sent all the same).
 */
import type { Command } from 'commander';
import { publishDue, type PublishedSending } from '../../services/plan/publish.service.js';
import { describeError } from '../../shared/messages.js';
import type { PlanSendState, UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';
import type { CliText } from '../texts.js';

/** Exit code of a run where some sending failed: not 1 (the command failed) nor 2 (its input was refused). */
const SOME_SENDING_FAILED = 3;

interface PublishOptions extends CommonOptions {
  due?: boolean;
  json?: boolean;
}

const SEND_STATE_TEXTS: Record<PlanSendState, CliText> = {
  pending: 'sendPending',
  sending: 'sendSending',
  published: 'sendPublished',
  failed: 'sendFailed',
};

/** The sending with its error told in the user's language besides its code. */
function presented(sending: PublishedSending, lang: UiLang) {
  return {
    ...sending,
    error: sending.error ? { ...sending.error, message: describeError(sending.error, lang) } : null,
  };
}

function sendingLine(sending: PublishedSending, lang: UiLang): string {
  const which = {
    post: sending.post,
    channel: sending.channel,
    state: say(lang, SEND_STATE_TEXTS[sending.state]),
  };
  return sending.error
    ? say(lang, 'publishFailedLine', { ...which, error: describeError(sending.error, lang) })
    : say(lang, 'publishLine', { ...which, url: sending.url ?? '' });
}

export function publishCommand(program: Command): void {
  withCommonOptions(
    program
      .command('publish')
      .description('publish the approved posts whose instant has come, each once')
      .requiredOption('--due', 'what is due now (the only kind of run)')
      .option('--json', 'print {post, channel, state, externalId, url, error} per post and channel'),
  ).action(async (options: PublishOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const sendings = await publishDue(ctx);
      if (options.json)
        console.log(
          JSON.stringify(
            sendings.map((sending) => presented(sending, lang)),
            null,
            2,
          ),
        );
      else if (sendings.length === 0) console.log(say(lang, 'publishNothing'));
      else for (const sending of sendings) console.log(sendingLine(sending, lang));
      if (sendings.some((sending) => sending.error !== null)) process.exitCode = SOME_SENDING_FAILED;
    });
  });
}
