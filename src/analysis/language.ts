/**
 * Language of a post: `ru`, `kk`, `mixed` (both, each a real part of the text: bilingual posts are common) or
 * `other` (Latin script, or no words). Each sentence votes by its evidence: Kazakh letters (ә ғ қ ң ө ұ ү һ і)
 * and Kazakh function words against Russian function words and letters Kazakh words rarely use.
 */
import type { ContentLang } from '../shared/vocabulary.js';
import { memoize } from './stemmers.js';
import type { Token } from './tokens.js';

const KAZAKH_WORDS = new Set([
  'және', 'мен', 'бен', 'пен', 'үшін', 'бойынша', 'туралы', 'арқылы', 'бұл', 'осы', 'сол', 'ретінде', 'барлық',
  'жылы', 'күні', 'өтті', 'болды', 'болып', 'арналған', 'арасында', 'кейін', 'дейін', 'бастап', 'тиіс', 'керек',
  'жоқ', 'бар', 'әр', 'біз', 'сіз', 'олар', 'оның', 'біздің', 'сіздің', 'ішінде', 'сияқты', 'немесе', 'әрі', 'ал',
  'бірақ', 'өз', 'ең', 'көп', 'жылғы', 'жөніндегі', 'қатысты', 'берілді', 'болсын', 'құрметті', 'де', 'да', 'те',
  'та', 'деп', 'жаңа', 'бір', 'екі', 'үш', 'оқу', 'жыл', 'ай', 'күн', 'облыс', 'аудан', 'ауданы', 'қаласы',
]); // prettier-ignore

const RUSSIAN_WORDS = new Set([
  'и', 'в', 'во', 'на', 'с', 'со', 'по', 'для', 'что', 'как', 'не', 'от', 'к', 'ко', 'о', 'об', 'из', 'за', 'при',
  'это', 'у', 'до', 'или', 'а', 'но', 'же', 'все', 'всех', 'его', 'ее', 'их', 'был', 'была', 'были', 'будет',
  'также', 'который', 'которая', 'которые', 'после', 'года', 'году', 'год', 'прошел', 'прошла', 'состоялось',
  'состоялся', 'этом', 'этого', 'наш', 'наша', 'нашей', 'вас', 'вам', 'мы', 'вы', 'они', 'всем', 'чтобы',
]); // prettier-ignore

/** Letters and endings of Russian words that Kazakh words (other than loans) rarely have. */
const RUSSIAN_FORM_RE =
  /[ёщъэ]|(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ыми|ими|ами|ями|тся|ться|ть|ешь|ишь|ует|ают|яют|ых|их|ей|ую|юю|ость|ости|ции|цию|ение|ения|ении)$/;
/** Endings of Kazakh words written without any of the letters Russian lacks. */
const KAZAKH_FORM_RE =
  /(?:лар|лер|дар|дер|тар|тер|ған|ген|сын|сы|ды|ты|мен|бен|пен|дан|тан|нан|ға|қа|ке|ге)$/;

/** Share of the words the smaller language must hold for a post to count as mixed. */
const MIXED_SHARE = 0.2;
/** A mixed post has at least this many words in each language. */
const MIXED_MIN_WORDS = 3;

/** Words too common to say what a post is about. */
export function isFunctionWord(word: string): boolean {
  return KAZAKH_WORDS.has(word) || RUSSIAN_WORDS.has(word);
}

export interface LanguageResult {
  language: ContentLang;
  reasons: string[];
}

/** What a word says of its language, computed once per word form: 1 Kazakh or 2 Russian function word, 3 Russian
 * form, 4 Kazakh form, 0 nothing. */
const evidenceOf = memoize((word): number =>
  KAZAKH_WORDS.has(word)
    ? 1
    : RUSSIAN_WORDS.has(word)
      ? 2
      : KAZAKH_LETTER_RE.test(word)
        ? 0
        : RUSSIAN_FORM_RE.test(word)
          ? 3
          : KAZAKH_FORM_RE.test(word)
            ? 4
            : 0,
);

const KAZAKH_LETTERS = 'әғқңөұүһі';
const KAZAKH_LETTER_RE = /[әғқңөұүһі]/;

export function detectLanguage(tokens: readonly Token[]): LanguageResult {
  let cyrillic = 0;
  let latin = 0;
  let kkWords = 0;
  let ruWords = 0;
  let letters = '';
  const kkFunction: string[] = [];
  const ruFunction: string[] = [];
  let kkEvidence = 0;
  let ruEvidence = 0;
  let words = 0;
  // One more round past the end closes the last sentence.
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index];
    if (!token || token.sentenceStart) {
      if (kkEvidence > ruEvidence) kkWords += words;
      else if (ruEvidence > kkEvidence) ruWords += words;
      kkEvidence = ruEvidence = words = 0;
    }
    if (!token || token.kind !== 'word') continue;
    if (!token.cyrillic) {
      latin++;
      continue;
    }
    cyrillic++;
    words++;
    if (token.kazakh) {
      kkEvidence += 1;
      for (const char of token.norm)
        if (KAZAKH_LETTERS.includes(char) && !letters.includes(char)) letters += char;
    }
    switch (evidenceOf(token.norm)) {
      case 1:
        kkEvidence += 1.5;
        if (kkFunction.length < 5 && !kkFunction.includes(token.norm)) kkFunction.push(token.norm);
        break;
      case 2:
        ruEvidence += 1.5;
        if (ruFunction.length < 5 && !ruFunction.includes(token.norm)) ruFunction.push(token.norm);
        break;
      case 3:
        ruEvidence += 0.5;
        break;
      case 4:
        kkEvidence += 0.5;
        break;
    }
  }
  const reasons = [
    ...(letters ? [`kazakh_letters:${letters}`] : []),
    ...kkFunction.map((word) => `kk_word:${word}`),
    ...ruFunction.map((word) => `ru_word:${word}`),
  ];
  if (cyrillic === 0 || latin > cyrillic) return { language: 'other', reasons: [`latin_words:${latin}`] };
  const total = kkWords + ruWords;
  if (total === 0) return { language: 'other', reasons };
  const smaller = Math.min(kkWords, ruWords);
  if (smaller >= MIXED_MIN_WORDS && smaller / total >= MIXED_SHARE) return { language: 'mixed', reasons };
  return { language: kkWords > ruWords ? 'kk' : 'ru', reasons };
}
