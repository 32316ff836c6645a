/**
 * Checks while writing a post of the content plan: each text analysed as a stored publication would be (language,
 * topic, concreteness, the reasons in words), the limits of the platforms of the channels picked, and a missing
 * Kazakh or Russian version where the organization publishes in both. Nothing is stored; the answer is in the
 * user's language.
 */
import { classify } from '../analysis/classify.js';
import { authorize } from '../policies/abilities.js';
import {
  type PostCheckAnswer,
  type PostCheckInput,
  postCheckInput,
  type PostChannelAnswer,
  type PostNote,
  type PostNoteCode,
  type TextCheck,
} from '../shared/post-check.schema.js';
import { factsSummary, reasonGroups } from '../shared/reason-phrases.js';
import type { UiLang } from '../shared/vocabulary.js';
import {
  channelsOfOrgAndAbove,
  languagesOfLatestYear,
} from '../storage/repositories/post-check.repository.js';
import { analysisSettings, loadModel } from './analysis.service.js';
import type { Context } from './context.js';
import { getOrganization } from './org.service.js';
import { textOf } from './plan/publish.service.js';
import { CAPTION_LIMIT, MESSAGE_LIMIT } from './plan/telegram-publish.js';
import { parseInput } from './validate.js';

type Texts = Readonly<Record<UiLang, string>>;
type Say = (params: Record<string, string | number>) => Texts;

/** A share of each language among the organization's latest year of publications from which it publishes in it. */
const LANGUAGE_SHARE = 0.1;
const LINK_RE = /\bhttps?:\/\/\S+/i;

const NOTES: Readonly<Record<PostNoteCode, Say>> = {
  telegram_text_too_long: ({ length, limit }) => ({
    ru: `Telegram примет не больше ${limit} знаков текста, в посте ${length}`,
    kk: `Telegram ${limit} таңбадан артық мәтін қабылдамайды, жазбада ${length}`,
    en: `Telegram takes at most ${limit} characters of text; the post has ${length}`,
  }),
  telegram_caption_too_long: ({ length, limit }) => ({
    ru: `Подпись к фото в Telegram — не больше ${limit} знаков, в посте ${length}: сократите текст или уберите фото`,
    kk: `Telegram-да сурет астындағы жазу ${limit} таңбадан аспауы керек, жазбада ${length}: мәтінді қысқартыңыз не суретті алып тастаңыз`,
    en: `A Telegram photo caption takes at most ${limit} characters; the post has ${length}: shorten the text or drop the photo`,
  }),
  instagram_needs_image: () => ({
    ru: 'Instagram публикует только с изображением: добавьте фото',
    kk: 'Instagram тек суретпен жариялайды: сурет қосыңыз',
    en: 'Instagram publishes only with an image: add a photo',
  }),
  facebook_link_preview: ({ image }) =>
    image
      ? {
          ru: 'Facebook не покажет превью ссылки у поста с фото',
          kk: 'Суреті бар жазбада Facebook сілтеме превьюін көрсетпейді',
          en: 'Facebook shows no link preview on a post with a photo',
        }
      : {
          ru: 'Facebook покажет превью первой ссылки в тексте',
          kk: 'Facebook мәтіндегі бірінші сілтеменің превьюін көрсетеді',
          en: 'Facebook shows a preview of the first link in the text',
        },
  missing_kk: () => ({
    ru: 'Организация публикует на казахском и русском: нет казахской версии',
    kk: 'Ұйым қазақ және орыс тілдерінде жариялайды: қазақша нұсқасы жоқ',
    en: 'The organization publishes in Kazakh and Russian: the Kazakh version is missing',
  }),
  missing_ru: () => ({
    ru: 'Организация публикует на казахском и русском: нет русской версии',
    kk: 'Ұйым қазақ және орыс тілдерінде жариялайды: орысша нұсқасы жоқ',
    en: 'The organization publishes in Kazakh and Russian: the Russian version is missing',
  }),
  text_language_differs: ({ field }) =>
    field === 'kk'
      ? {
          ru: 'Текст в поле казахской версии не похож на казахский',
          kk: 'Қазақша нұсқа өрісіндегі мәтін қазақ тіліне ұқсамайды',
          en: 'The text in the Kazakh field does not read as Kazakh',
        }
      : {
          ru: 'Текст в поле русской версии не похож на русский',
          kk: 'Орысша нұсқа өрісіндегі мәтін орыс тіліне ұқсамайды',
          en: 'The text in the Russian field does not read as Russian',
        },
  declarative: ({ missing }) => ({
    ru: `${missing}: пост читается как декларативный`,
    kk: `${missing}: жазба декларативті болып оқылады`,
    en: `${missing}: the post reads as declarative`,
  }),
};

function note(
  code: PostNoteCode,
  level: PostNote['level'],
  lang: UiLang,
  params: Record<string, string | number> = {},
  channel: string | null = null,
): PostNote {
  return { code, level, channel, message: NOTES[code](params)[lang] };
}

/** The facts a declarative post lacks, as the author reads them: «нет даты, нет числа, нет имени». */
const LACKS: readonly { kinds: readonly string[]; words: Texts }[] = [
  { kinds: ['date', 'time'], words: { ru: 'нет даты', kk: 'күні жоқ', en: 'no date' } },
  {
    kinds: ['quantity', 'money', 'percent'],
    words: { ru: 'нет числа', kk: 'саны жоқ', en: 'no number' },
  },
  { kinds: ['person', 'institution'], words: { ru: 'нет имени', kk: 'аты-жөні жоқ', en: 'no name' } },
  { kinds: ['outcome'], words: { ru: 'нет результата', kk: 'нәтижесі жоқ', en: 'no result' } },
];

function lacking(concrete: readonly string[], lang: UiLang): string[] {
  const kinds = new Set(concrete.map((token) => token.slice(0, token.indexOf(':'))));
  return LACKS.filter((lack) => !lack.kinds.some((kind) => kinds.has(kind))).map((lack) => lack.words[lang]);
}

const NO_FACTS: Texts = {
  ru: 'конкретных фактов нет',
  kk: 'нақты деректер жоқ',
  en: 'no concrete facts',
};

async function analysed(ctx: Context, field: 'ru' | 'kk', text: string, lang: UiLang): Promise<TextCheck> {
  const settings = await analysisSettings(ctx);
  const result = classify({ text }, await loadModel(ctx), { declarativeBelow: settings.declarativeBelow });
  const lacks = lacking(result.reasons.concrete, lang);
  const missing = lacks.length > 0 ? lacks.join(', ') : NO_FACTS[lang];
  const verdict = result.declarative
    ? NOTES.declarative({ missing })[lang]
    : (factsSummary(result.reasons.concrete, lang) ?? NO_FACTS[lang]);
  return {
    field,
    length: text.length,
    language: result.language,
    topic: result.primaryTopic,
    concreteness: result.concreteness,
    declarative: result.declarative,
    verdict,
    groups: reasonGroups(result.reasons, lang),
  };
}

/** The channels a post of the organization may go to: its own and its ancestors', open. */
export async function postChannels(ctx: Context, orgCode: string): Promise<PostChannelAnswer[]> {
  const org = await getOrganization(ctx, orgCode);
  authorize(ctx.actor, 'write', 'publications');
  return channelsOfOrgAndAbove(ctx.db.kysely, org.id);
}

export async function checkPost(ctx: Context, input: PostCheckInput, lang: UiLang): Promise<PostCheckAnswer> {
  const draft = parseInput(postCheckInput, input, `post check ${input.org}`);
  const org = await getOrganization(ctx, draft.org);
  authorize(ctx.actor, 'write', 'publications');
  const textRu = draft.textRu?.trim() || null;
  const textKk = draft.textKk?.trim() || null;

  const texts: TextCheck[] = [];
  if (textRu) texts.push(await analysed(ctx, 'ru', textRu, lang));
  if (textKk) texts.push(await analysed(ctx, 'kk', textKk, lang));

  const notes: PostNote[] = [];
  for (const text of texts) {
    if (text.language !== text.field && text.language !== 'mixed' && text.length >= 40)
      notes.push(note('text_language_differs', 'warning', lang, { field: text.field }));
  }

  const languages = await languagesOfLatestYear(ctx.db.kysely, org.id);
  const total = Object.values(languages).reduce((sum, n) => sum + n, 0);
  const share = (n: number | undefined) => (total === 0 ? 0 : ((n ?? 0) + (languages.mixed ?? 0)) / total);
  const bilingual = share(languages.ru) >= LANGUAGE_SHARE && share(languages.kk) >= LANGUAGE_SHARE;
  if (bilingual && (textRu || textKk)) {
    if (!textKk) notes.push(note('missing_kk', 'warning', lang));
    if (!textRu) notes.push(note('missing_ru', 'warning', lang));
  }

  const allowed = new Map((await channelsOfOrgAndAbove(ctx.db.kysely, org.id)).map((c) => [c.code, c]));
  const whole = textOf({ textRu, textKk });
  // Telegram counts UTF-16 units, as String.length does.
  for (const code of new Set(draft.channels)) {
    const channel = allowed.get(code);
    if (!channel) continue;
    if (channel.platform === 'telegram') {
      const limit = draft.imageCount > 0 ? CAPTION_LIMIT : MESSAGE_LIMIT;
      if (whole.length > limit)
        notes.push(
          note(
            draft.imageCount > 0 ? 'telegram_caption_too_long' : 'telegram_text_too_long',
            'error',
            lang,
            { length: whole.length, limit },
            code,
          ),
        );
    } else if (channel.platform === 'instagram' && draft.imageCount === 0) {
      notes.push(note('instagram_needs_image', 'error', lang, {}, code));
    } else if (channel.platform === 'facebook' && LINK_RE.test(whole)) {
      notes.push(note('facebook_link_preview', 'info', lang, { image: draft.imageCount > 0 ? 1 : 0 }, code));
    }
  }
  return { texts, notes, bilingual };
}
