/**
 * `aqparat collect`: collects the registered Telegram channels now, from their public web preview, and Facebook
 * pages and Instagram accounts through the Graph API with their tokens. Exits 0 when
 * every channel collected was collected, 3 when any failed (what the others gave is stored all the same).
 */
import type { Command } from 'commander';
import { type ChannelCollection, collectChannels } from '../../services/collect.service.js';
import type { SkipReason } from '../../services/collect/collector.js';
import { describeError, interpolate } from '../../shared/messages.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, withCommonOptions } from '../options.js';

interface CollectOptions extends CommonOptions {
  channel?: string;
  org?: string;
  due?: boolean;
  json?: boolean;
}

/** Exit code of a run where some channel failed: not 1 (the command failed) nor 2 (its input was refused). */
export const SOME_CHANNEL_FAILED = 3;

const TEXTS: Record<UiLang, { done: string; failed: string; none: string } & Record<SkipReason, string>> = {
  ru: {
    done: '{channel}: новых {new}, обновлено {updated}, без изменений {unchanged}, отклонено {rejected}; подписчиков {followers} на {asOf}',
    failed: '{channel}: не собран: {message}',
    none: 'Нет каналов для сбора',
    not_telegram:
      '{channel}: пропущен: собираются только каналы Telegram, Facebook, Instagram, YouTube и сайты',
    no_token:
      '{channel}: пропущен: у канала нет токена доступа Graph API; задайте его: aqparat channel token --channel {channel}',
    token_expired:
      '{channel}: пропущен: токен канала истёк или отозван; сбор возобновится, когда будет задан новый (aqparat channel token)',
    no_graph_id:
      '{channel}: пропущен: в адресе канала нет его идентификатора в Graph API (страница Facebook: https://www.facebook.com/имя или …?id=число; Instagram: https://www.instagram.com/имя/?id=число)',
    no_public_address: '{channel}: пропущен: у канала нет публичного адреса Telegram (https://t.me/имя)',
    closed: '{channel}: пропущен: канал закрыт',
  },
  kk: {
    done: '{channel}: жаңа {new}, жаңартылды {updated}, өзгеріссіз {unchanged}, қабылданбады {rejected}; {asOf} күнгі жазылушылар {followers}',
    failed: '{channel}: жиналмады: {message}',
    none: 'Жинайтын арна жоқ',
    not_telegram:
      '{channel}: өткізілді: тек Telegram, Facebook, Instagram, YouTube арналары мен сайттар жиналады',
    no_token:
      '{channel}: өткізілді: арнаның Graph API кіру токені жоқ; оны беріңіз: aqparat channel token --channel {channel}',
    token_expired:
      '{channel}: өткізілді: арна токенінің мерзімі өтті немесе ол кері қайтарылды; жаңасы берілгенде жинау жалғасады (aqparat channel token)',
    no_graph_id:
      '{channel}: өткізілді: арна мекенжайында оның Graph API идентификаторы жоқ (Facebook беті: https://www.facebook.com/атауы немесе …?id=сан; Instagram: https://www.instagram.com/атауы/?id=сан)',
    no_public_address: '{channel}: өткізілді: арнаның Telegram-дағы ашық мекенжайы жоқ (https://t.me/атауы)',
    closed: '{channel}: өткізілді: арна жабылған',
  },
  en: {
    done: '{channel}: new {new}, updated {updated}, unchanged {unchanged}, rejected {rejected}; followers {followers} as of {asOf}',
    failed: '{channel}: not collected: {message}',
    none: 'No channels to collect',
    not_telegram:
      '{channel}: skipped: only Telegram, Facebook, Instagram and YouTube channels and websites are collected',
    no_token:
      '{channel}: skipped: the channel has no Graph API access token; set one: aqparat channel token --channel {channel}',
    token_expired:
      "{channel}: skipped: the channel's token has expired or was revoked; collecting resumes once a new one is set (aqparat channel token)",
    no_graph_id:
      "{channel}: skipped: the channel's address does not carry its Graph API id (a Facebook page: https://www.facebook.com/name or …?id=number; Instagram: https://www.instagram.com/name/?id=number)",
    no_public_address: '{channel}: skipped: the channel has no public Telegram address (https://t.me/name)',
    closed: '{channel}: skipped: the channel is closed',
  },
};

const messageOf = (result: ChannelCollection, lang: UiLang) =>
  result.error ? describeError(result.error, lang) : null;

function line(result: ChannelCollection, lang: UiLang): string {
  const texts = TEXTS[lang];
  if (result.skipped) return interpolate(texts[result.skipped], { channel: result.channel });
  if (result.error)
    return interpolate(texts.failed, { channel: result.channel, message: messageOf(result, lang) ?? '' });
  return interpolate(texts.done, {
    channel: result.channel,
    new: result.new,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    followers: result.followers ?? '—',
    asOf: result.followersAsOf ?? '—',
  });
}

export function collectCommand(program: Command): void {
  withCommonOptions(
    program
      .command('collect')
      .description(
        "collect the channels' posts and followers now: Telegram's public web preview, Facebook and Instagram through the Graph API",
      )
      .option('--channel <code>', 'this channel only')
      .option('--org <code>', 'the channels of this organization and the organizations under it')
      .option(
        '--due',
        'only the channels whose scheduled collection is due (posts every 2 hours, followers daily, unless the channel says otherwise), each once even when several servers collect',
      )
      .option(
        '--json',
        'print per channel {channel, new, updated, unchanged, rejected, followers, followersAsOf, error}',
      ),
  ).action(async (options: CollectOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const results = await collectChannels(ctx, {
        ...(options.channel !== undefined ? { channel: options.channel } : {}),
        ...(options.org !== undefined ? { org: options.org } : {}),
        ...(options.due ? { due: true } : {}),
      });
      if (options.json) {
        const told = results.map((result) => ({
          channel: result.channel,
          new: result.new,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          followers: result.followers,
          followersAsOf: result.followersAsOf,
          error: result.error ? { ...result.error, message: messageOf(result, lang) } : null,
          skipped: result.skipped,
          batchId: result.batchId,
        }));
        console.log(JSON.stringify(told, null, 2));
      } else if (results.length === 0) console.log(TEXTS[lang].none);
      else for (const result of results) console.log(line(result, lang));
      if (results.some((result) => result.error !== null)) process.exitCode = SOME_CHANNEL_FAILED;
    });
  });
}
