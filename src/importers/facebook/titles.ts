/**
 * What a Facebook export's `title` says a post is, in the UI languages exports come in: a share of someone's
 * post, link or memory (a repost, even when the export kept nothing of it), or a photo or video the page added.
 * A title is one sentence of a fixed shape, `<name> <verb> <object>[ <tail>].`: the phrase must follow the name
 * (which holds no colon or quote) and end the sentence, so a title that merely contains "shared" is no share.
 *
 * Verified on real exports: English "shared a post/link/photo.", "shared a video from the playlist …"; Romanian
 * "a distribuit un link.", "a adăugat o fotografie nouă / N fotografii noi / un clip video nou."; Spanish
 * "compartió una publicación." (quoted from an export in a public repository); Russian "поделился публикацией"
 * (as Facebook's pages show it). The other phrasings are Facebook's localized strings as we know them.
 */
import type { MediaKind } from '../../shared/vocabulary.js';

export interface TitleHint {
  /** A share of another's content: a repost. */
  share: boolean;
  /** Whose content it shares, where the title names it. */
  source?: string;
  /** The media kind the title names, for posts whose attachments the export left out. */
  mediaKind?: MediaKind;
}

/** The actor: anything up to the verb, but no colon or quote (those begin a text, not a name). */
const NAME = `^[^:"“”«»\\n]+?`;

/** Each pattern: the phrase after the name; `object` the noun, `source` whose it was, `count` how many. */
const SHARES: readonly string[] = [
  // English
  `shared (?:an?|(?<source>[^:\\n]+)'s) (?<object>post|link|memory|photo|video|reel|album|event|story|note|page)(?: (?:from|to|in|on|via) [^\\n]+)?`,
  // Russian
  `поделил(?:ся|ась|ись) (?<object>публикацией|ссылкой|воспоминанием|фото(?:графией)?|видео|альбомом|историей|событием)(?: (?<source>[^\\n]+?))?`,
  // Kazakh: the object before the verb, in the instrumental or accusative
  `(?<object>жазба|жарияланым|пост|сілтеме|естелік|фото|сурет|бейне|видео|альбом)\\p{L}* бөлісті`,
  // Spanish (Latin America and Spain)
  `(?:compartió|ha compartido) (?:una|un|la|el) (?<object>publicación|enlace|recuerdo|foto|vídeo|video|álbum|evento|historia)(?: de (?<source>[^\\n]+?))?`,
  // Polish
  `udostępnił(?:a)? (?<object>post|link|wspomnienie|zdjęcie|film|wideo|album|wydarzenie|relację)(?: użytkownika (?<source>[^\\n]+?))?`,
  // Romanian
  `a distribuit (?:o |un )?(?<object>postare|postarea|link|amintire|fotografie|fotografia|clip video|videoclip|album|eveniment)(?: (?:lui|de la) (?<source>[^\\n]+?))?`,
  // Slovak
  `zdieľal(?:a)? (?<object>príspevok|odkaz|spomienku|fotku|fotografiu|video|album|udalosť)(?: používateľa (?<source>[^\\n]+?))?`,
];

const ADDS: readonly string[] = [
  `added (?:an?|(?<count>\\d+)) (?:new )?(?<object>photos?|videos?)(?: to [^\\n]+)?`,
  `добавил(?:а|и)? (?:(?<count>\\d+) )?(?:нов\\p{L}+ )?(?<object>фото\\p{L}*|видео)`,
  `(?:(?<count>\\d+) )?(?:жаңа )?(?<object>фото|сурет|бейне|видео)\\p{L}* (?:қосты|жариялады)`,
  `(?:agregó|añadió|ha añadido|ha agregado) (?:una?|(?<count>\\d+)) (?:nuevos? |nuevas? )?(?<object>fotos?|vídeos?|videos?)(?: nuevos?| nuevas?)?`,
  `dodał(?:a)? (?:(?<count>\\d+) )?(?:now\\p{L}+ )?(?<object>zdjęci\\p{L}*|zdjęć|film\\p{L}*|wideo)`,
  `a adăugat (?:o |un |(?<count>\\d+) )(?<object>fotografi\\p{L}*|clip video|videoclip)(?: nou\\p{L}*| noi)?`,
  `pridal(?:a)? (?:(?<count>\\d+) )?(?:nov\\p{L}+ )?(?<object>fotk\\p{L}*|fotografi\\p{L}*|fotiek|video)`,
];

const sentence = (phrase: string) => new RegExp(`${NAME} ${phrase}\\.$`, 'u');
const SHARE_TITLES = SHARES.map(sentence);
const ADD_TITLES = ADDS.map(sentence);

const PHOTO = /^(photo|фото|сурет|foto|fotografi|fotk|fotiek|zdjęci|zdjęć)/u;
const VIDEO = /^(video|vídeo|reel|видео|бейне|film|wideo|clip video|videoclip)/u;
const LINK = /^(link|ссылк|сілтеме|enlace|odkaz)/u;

function kindOf(object: string, count: number): MediaKind | undefined {
  if (object.startsWith('album') || object.startsWith('álbum') || object.startsWith('альбом')) return 'album';
  if (PHOTO.test(object)) return count > 1 ? 'album' : 'photo';
  if (VIDEO.test(object)) return 'video';
  return LINK.test(object) ? 'link' : undefined;
}

export function readTitle(title: string | undefined): TitleHint | undefined {
  const text = title?.trim();
  if (!text) return undefined;
  for (const [share, patterns] of [
    [true, SHARE_TITLES],
    [false, ADD_TITLES],
  ] as const) {
    for (const pattern of patterns) {
      const groups = pattern.exec(text)?.groups;
      if (!groups) continue;
      const mediaKind = kindOf((groups['object'] ?? '').toLowerCase(), Number(groups['count'] ?? 1));
      return {
        share,
        ...(groups['source'] ? { source: groups['source'] } : {}),
        ...(mediaKind ? { mediaKind } : {}),
      };
    }
  }
  return undefined;
}
