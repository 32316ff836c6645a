/**
 * Language of a post: `ru`, `kk`, `mixed` (both, each a real part of the text: bilingual posts are common) or
 * `other` (another language: English, Ukrainian, Belarusian, Kyrgyz, Tatar, Uzbek…, or no words). Each sentence
 * votes by its evidence: Kazakh letters (ә ғ қ ң ө ұ ү һ і) and Kazakh words, also typed without those letters
 * or in the Latin alphabet, against Russian words and forms; letters and words of the other Cyrillic languages
 * (є ї ґ ў җ ҳ…, «що», «үчүн», «һәм») speak for `other`. Addresses, @mentions and hashtags' markup are not words of
 * the post (the tokenizer marks them), numbers and emoji are no words at all. A post without any evidence but its
 * Cyrillic script is Russian, with a low confidence.
 */
import type { ContentLang } from '../shared/vocabulary.js';
import { memoize } from './stemmers.js';
import type { Token } from './tokens.js';

const KAZAKH_WORDS = new Set([
  'және', 'мен', 'бен', 'пен', 'үшін', 'бойынша', 'туралы', 'арқылы', 'бұл', 'осы', 'сол', 'ретінде', 'барлық',
  'жылы', 'күні', 'өтті', 'болды', 'болып', 'арналған', 'арасында', 'кейін', 'дейін', 'бастап', 'тиіс', 'керек',
  'жоқ', 'бар', 'әр', 'біз', 'сіз', 'олар', 'оның', 'біздің', 'сіздің', 'ішінде', 'сияқты', 'немесе', 'әрі', 'ал',
  'бірақ', 'өз', 'ең', 'көп', 'жылғы', 'жөніндегі', 'қатысты', 'берілді', 'болсын', 'құрметті', 'де', 'деп',
  'жаңа', 'бір', 'екі', 'үш', 'оқу', 'жыл', 'күн', 'облыс', 'аудан', 'ауданы', 'қаласы',
]); // prettier-ignore

/**
 * Kazakh words as they are typed without the Kazakh letters (on a Russian keyboard: «оте жаксы», «рахмет»): none
 * is a Russian word. «да», «та», «те», «ай» are left out, being Russian words too.
 */
const KAZAKH_PLAIN_WORDS = new Set([
  'оте', 'жаксы', 'жакси', 'жаксы', 'жакшы', 'керемет', 'рахмет', 'ракмет', 'маган', 'унады', 'унайды',
  'унамады', 'катты', 'жок', 'жане', 'ушин', 'ушын', 'бул', 'екен', 'емес', 'гой', 'ойын', 'оиын', 'кушти',
  'куштi', 'жаман', 'калай', 'неге', 'кандай', 'барлык', 'бирак', 'бырак', 'сиз', 'сиздер', 'сиздерге', 'биз',
  'сен', 'болды', 'болады', 'болса', 'болар', 'еди', 'разы', 'тамаша', 'кызык', 'кызмет', 'колданба',
  'косымша', 'уакыт', 'жумыс', 'билим', 'мектеп', 'казак', 'казакша', 'тили', 'бари', 'бари', 'коп', 'келди',
  'жасайды', 'жатыр', 'керек', 'рахмет', 'саламатсыз', 'саламатсыздар', 'жарайсын', 'жарайсындар', 'калды',
  'береди', 'алдым', 'сатушы', 'сапасы', 'багасы', 'ынгайлы', 'мынау', 'осындай', 'кайта', 'ештене', 'накты',
  'туралы', 'бойынша', 'аркылы', 'ушин', 'журген', 'айтамын', 'беремин', 'аламын', 'емеспе', 'ма', 'ме', 'ба',
  'пе', 'алгыс', 'шексиз', 'дурыс', 'мыкты', 'зын', 'зор', 'тек', 'кана', 'уят', 'отирик', 'отырык', 'береке',
  'берсин', 'аллага', 'шукир', 'кымбат', 'акша', 'сабак', 'кантар', 'барлыгы', 'берди', 'орын', 'екан', 'кушты',
  'кушт', 'жакс', 'макан', 'онай', 'ойткени', 'оин', 'ойн', 'ойнау', 'оинау', 'сиздерге', 'бериниздер', 'ишинде',
]); // prettier-ignore

/** «керемет» as typed in haste: «кереметт», «керемит», «керреммет». */
const KEREMET_RE = /^кер+[еиао]м+[еиао]*т+$/;

const RUSSIAN_WORDS = new Set([
  'и', 'в', 'во', 'на', 'с', 'со', 'по', 'для', 'что', 'как', 'не', 'от', 'к', 'ко', 'о', 'об', 'из', 'за', 'при',
  'это', 'у', 'до', 'или', 'а', 'но', 'же', 'все', 'всех', 'его', 'ее', 'их', 'был', 'была', 'были', 'будет',
  'также', 'который', 'которая', 'которые', 'после', 'года', 'году', 'год', 'прошел', 'прошла', 'состоялось',
  'состоялся', 'этом', 'этого', 'наш', 'наша', 'нашей', 'вас', 'вам', 'мы', 'вы', 'они', 'всем', 'чтобы',
  'я', 'ты', 'он', 'она', 'оно', 'меня', 'тебя', 'мне', 'тебе', 'ему', 'где', 'когда', 'так', 'там', 'тут',
  'здесь', 'вот', 'ну', 'уж', 'еще', 'только', 'бы', 'ли', 'если', 'то', 'этот', 'эта', 'эти', 'сейчас',
  'можно', 'нужно', 'надо', 'нет', 'есть', 'было', 'под', 'над', 'про', 'через', 'без', 'очень', 'кто', 'чем',
  'себя', 'свой', 'тоже', 'уже', 'даже', 'почему', 'какой', 'какая', 'какие', 'сегодня', 'завтра', 'вчера',
  'спасибо', 'привет', 'пожалуйста', 'хорошо', 'давай', 'давайте', 'ваш', 'ваши', 'вашей', 'наши', 'нас',
  'него', 'нее', 'них', 'ним', 'ней', 'будут', 'часть', 'новый', 'новая', 'новые', 'день', 'время', 'люди',
]); // prettier-ignore

/** The Kazakh words above as typed without the Kazakh letters («жане», «ушин», «бирак»), where no Russian word. */
const PLAIN = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' } as Record<
  string,
  string
>;
for (const word of KAZAKH_WORDS) {
  const plain = word.replace(/[әғқңөұүһі]/g, (char) => PLAIN[char] as string);
  if (plain.length >= 3 && !RUSSIAN_WORDS.has(plain)) KAZAKH_PLAIN_WORDS.add(plain);
}

/** Letters of other Cyrillic alphabets that neither Russian nor Kazakh has: Ukrainian, Belarusian and Uzbek,
 * Tatar, Tajik, Bashkir, Chuvash, Serbian and Macedonian. */
const OTHER_LETTER_RE = /[єїґўҗҳҷӣӯҙҫҡӑӗӳјљњћђџѓќѕ]/;
const OTHER_LETTERS = 'єїґўҗҳҷӣӯҙҫҡӑӗӳјљњћђџѓќѕ';

/**
 * Function words of Ukrainian, Belarusian, Kyrgyz, Tatar and Uzbek that are neither Russian nor Kazakh words.
 */
const OTHER_WORDS = new Set([
  // Ukrainian
  'і', 'що', 'це', 'цей', 'ця', 'ці', 'цього', 'від', 'як', 'який', 'яка', 'яке', 'які', 'якщо', 'або',
  'але', 'також', 'після', 'між', 'вже', 'ще', 'тому', 'його', 'її', 'вони', 'ми', 'ви', 'він', 'вона', 'під',
  'серед', 'щодо', 'року', 'році', 'зокрема', 'тобто', 'буде', 'було', 'були', 'має', 'мають', 'україни',
  'україні', 'україна', 'київ', 'києві', 'проти', 'коли', 'дуже', 'можна', 'треба', 'всі', 'усі', 'інші',
  'тільки', 'лише', 'понад', 'близько', 'сьогодні', 'оскільки', 'щоб', 'зараз', 'тепер', 'знову', 'саме',
  // Belarusian
  'гэта', 'што', 'па', 'як', 'яго', 'яна', 'яны', 'таксама', 'пасля', 'адзін', 'быў', 'была', 'беларусі',
  // Kyrgyz
  'жана', 'менен', 'үчүн', 'боюнча', 'эмес', 'эле', 'анын', 'аны', 'ошол', 'ошондой', 'тарабынан', 'болгон',
  'кийин', 'чейин', 'дагы', 'бирок', 'кыргызстан', 'кыргызстанда', 'кыргыз', 'жылдын', 'ичинде',
  // Tatar
  'һәм', 'белән', 'өчен', 'буенча', 'турында', 'ләкин', 'бик', 'иде', 'булып', 'булган', 'була', 'булды',
  'бу', 'дип', 'кирәк', 'яңа', 'татарстан', 'татар', 'шулай', 'хәзер', 'ничек',
  // Uzbek
  'ва', 'билан', 'учун', 'бўйича', 'ҳам', 'эса', 'бу', 'йил', 'йилда', 'бўлди', 'бўлган',
]); // prettier-ignore

/** Letters and endings of Russian words that Kazakh words (other than loans) rarely have. */
const RUSSIAN_FORM_RE =
  /[ёщъэ]|(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ыми|ими|ами|ями|тся|ться|ть|ешь|ишь|ует|ают|яют|ых|их|ей|ую|юю|ость|ости|ции|цию|ение|ения|ении)$/;
/**
 * Endings of Kazakh words written without any of the letters Russian lacks. Endings Russian words often have too
 * are left out: «-ты», «-ды» (работы, воды), «-ке», «-ге» (руке), «-тер» (компьютер), «-тан» (Казахстан).
 */
const KAZAKH_FORM_RE =
  /(?:(?<!дол)лар|лер|(?<!у)дар|(?<!ли)дер|(?<!ор)ган|ген|нын|нин|дын|тын|дан|нан|ден|нен|тен|уде)$/;
/** Endings no Russian word has: verbs' negation and person, «-дық», «-ныз». */
const KAZAKH_STRONG_FORM_RE =
  /(?:ды[мк]|ныз|низ|мыз|миз|сыз|сиз|мын|майды|мейди|майт|йды|йди|ып|тым|гым|ким)$/;
/**
 * Long vowels of Kyrgyz words («берүү», «маалымат», «өчүрүү»), and its ө, ү past the first syllable («көчөлөрүндө»,
 * «бүгүн»), which Kazakh spelling leaves unrounded («көшелерінде», «бүгін»). «оо» is also in Russian words
 * («соответствии», «кооператив», «правообладатель»): the Russian forms, beginnings and mixed vowels leave them out.
 */
const KYRGYZ_FORM_RE = /үү|өө|ээ|[өү][^аәеиоөуұүыіэюя]+[өү]/;
const KYRGYZ_LONG_VOWEL_RE = /[бвгджзклмнпрстхчш](?:аа|оо|уу|ыы)/;
const STRETCHED_RE = /(.)\1\1/;
/** Kyrgyz words keep to back or to front vowels; Russian compounds mix them («правообладатель»). */
const BACK_VOWEL_RE = /[аоуы]/;
const FRONT_VOWEL_RE = /[еиэөүяю]/;
const RUSSIAN_DOUBLE_VOWEL_RE = /^(?:соо|коо|зоо|воо|доо|поо|рук|аа)/;
/** Tatar «ә» past a word's first syllable, and Tatar endings Kazakh spells otherwise (-лер, -нің, -ге). */
const TATAR_FORM_RE = /^[^аеиоуыэюяәөүі]*[аеиоуыэюяөүі][^аеиоуыэюяөүі]+.*ә|(?:ләр|нәр|дәр|тәр|нең|гә|кә)$/;

/** Kazakh words in its Latin alphabets (2021's: «jäne», «üşın», «bılım»; and as typed without its marks). */
const KAZAKH_LATIN_WORDS = new Set([
  'jäne', 'üşın', 'ushin', 'úshin', 'turaly', 'boiynşa', 'boiynsha', 'arqyly', 'bılım', 'bilim', 'mektep',
  'jūmys', 'jumys', 'qyzmet', 'qyzmetı', 'käsıpodaq', 'kasipodaq', 'kásipodaq', 'bır', 'ekı', 'jyly', 'jyl',
  'kün', 'künı', 'ötti', 'boldy', 'bolyp', 'bolady', 'bolsyn', 'bolsin', 'keremet', 'jaqsy',
  'jaqsi', 'jaksy', 'jaksi', 'zhaksy', 'öte', 'óte', 'ote', 'otte', 'magan', 'mağan', 'maǵan', 'unady', 'unadi',
  'ūnady', 'únady', 'ynady', 'ynadi', 'unamadi', 'unamady', 'rahmet', 'raqmet', 'rakhmet', 'rakmet', 'eken',
  'emes', 'joq', 'jok', 'qatty', 'katty', 'katti', 'hatti', 'kushti', 'kuwti', 'küştı', 'kúshti', 'tamasha',
  'tamaşa', 'tamawa', 'oyin', 'oiyn', 'oyn', 'qoldanba', 'qosymsha', 'qosymşa', 'qazaq', 'qazaqsha', 'tılı',
  'tili', 'razy', 'razi', 'nege', 'qalay', 'kalay', 'jaman', 'myqty', 'mykty', 'sapasy', 'sapasi', 'bagasy',
  'bağasy', 'osy', 'osi', 'bul', 'biraq', 'birak', 'kerek', 'sizderge', 'beremin', 'beremın', 'ademi', 'ädemı',
  'qazaqstan', 'qazaqstannyñ', 'ūiym', 'ūiymy', 'oqu', 'oqytu', 'mūğalım', 'mugalim', 'halyq', 'alga', 'tek',
  'zor', 'mykti', 'durys', 'kerek', 'algys', 'bersin', 'bolsin', 'allaga', 'mashaalla', 'wukir', 'shukir', 'kosymsha',
  'bagdarlama', 'tezirek', 'kazaktar', 'ortasha', 'mende', 'sizder', 'osyndai', 'kelmeidi', 'bari',
]); // prettier-ignore
/** Letters of the Kazakh Latin alphabets (2017–2021) that English lacks; «q» before a vowel other than «u». */
const KAZAKH_LATIN_LETTER_RE = /[äñūǵńýúıģ]|q(?=[aeioyıäöüū])/;
/** Kazakh words typed in Latin as they sound: «keremett», «kushti», «jaksi», «otte», «unaidy», «koldanbaidy». */
const KAZAKH_LATIN_FORM_RE =
  /^(?:ker+[eiao]m+[eiao]*[tw]+|k[uü](?:w|sh|ş)t+[iıy]*|(?:j|zh)a[kq]s[iıyu]|[oóö]t+h?e+|[uúūy]n[ae]i?d[iyuı]|tam[aá](?:sh|ş|w)[aá])$|(?:maidy|meidi|maidi|aidy|eidi|nyz|niz|lyq|dyq|tyq|ğan)$/;

/** Share of the words the smaller language must hold for a post to count as mixed. */
const MIXED_SHARE = 0.2;
/** A mixed post has at least this many words in each language. */
const MIXED_MIN_WORDS = 3;
/** A post with fewer Cyrillic words than this, or with three times as many Latin ones, is judged by its Latin. */
const LEAST_CYRILLIC = 2;
/** This many words with ә ө ү ң һ and none with ғ қ ұ і make a text Tatar or Kyrgyz. */
const TURKIC_MIN_WORDS = 3;
/** A text this long with «і» and «ы», without «и» and another Kazakh letter, is Belarusian. */
const BELARUSIAN_MIN_WORDS = 3;
/** Confidence of a post decided by its script alone (Cyrillic without any other evidence: Russian). */
const SCRIPT_ONLY_CONFIDENCE = 0.5;

/** Words too common to say what a post is about. */
export function isFunctionWord(word: string): boolean {
  return KAZAKH_WORDS.has(word) || RUSSIAN_WORDS.has(word);
}

export interface LanguageResult {
  language: ContentLang;
  reasons: string[];
  /**
   * How sure the decision is, from the margin of the evidence: 0 without any word, 0.5 for a guess from the script
   * alone, nearing 1 as the words speaking for it outweigh the others (a short post has few: it stays low).
   */
  confidence: number;
}

const enum Evidence {
  None,
  KazakhWord,
  RussianWord,
  RussianForm,
  KazakhForm,
  KazakhPlainWord,
  OtherLetter,
  OtherWord,
  OtherForm,
}

const KAZAKH_LETTERS = 'әғқңөұүһі';
const KAZAKH_LETTER_RE = /[әғқңөұүһі]/;
const KAZAKH_BUT_I_RE = /[әғқңөұүһ]/;
/**
 * Belarusian forms: «-ць» where Russian has «-ть», «дз» before a soft vowel (not Russian «подземный»). Its «э» after
 * consonants («рэжым») is left out: Russian spells English names so («Стрэндж», «Рэмпейдж»).
 */
const BELARUSIAN_FORM_RE = /ць$|(?<![пн][оа])дз[еёяюі]/;
/** Kazakh letters Kyrgyz and Tatar lack: a word with one is no Kyrgyz or Tatar word. */
const KAZAKH_ONLY_RE = /[ғқұі]/;

/** Letters a word has that tell the Cyrillic languages apart, computed once per word form. */
const enum Mark {
  /** ғ қ ұ і, which Kyrgyz and Tatar lack. */
  KazakhOnly = 1,
  /** ә ғ қ ң ө ұ ү һ: Kazakh letters other than «і». */
  KazakhButI = 2,
  /** і */
  DottedI = 4,
  /** ы, which Ukrainian lacks. */
  Yery = 8,
  /** и, which Belarusian lacks. */
  CyrillicI = 16,
}

const marksOf = memoize(
  (word): number =>
    (KAZAKH_ONLY_RE.test(word) ? Mark.KazakhOnly : 0) |
    (KAZAKH_BUT_I_RE.test(word) ? Mark.KazakhButI : 0) |
    (word.includes('і') ? Mark.DottedI : 0) |
    (word.includes('ы') ? Mark.Yery : 0) |
    (word.includes('и') ? Mark.CyrillicI : 0),
);

/** What a word says of its language, computed once per word form. */
const evidenceOf = memoize((word): Evidence => {
  if (OTHER_LETTER_RE.test(word)) return Evidence.OtherLetter;
  if (KAZAKH_WORDS.has(word)) return Evidence.KazakhWord;
  if (OTHER_WORDS.has(word)) return Evidence.OtherWord;
  if (RUSSIAN_WORDS.has(word)) return Evidence.RussianWord;
  if (KAZAKH_PLAIN_WORDS.has(word) || KEREMET_RE.test(word)) return Evidence.KazakhPlainWord;
  if (!KAZAKH_BUT_I_RE.test(word) && BELARUSIAN_FORM_RE.test(word)) return Evidence.OtherForm;
  // A letter said three times over is a stretched word («Даааа», «Ээээ»), not a Kyrgyz long vowel.
  if (!KAZAKH_ONLY_RE.test(word) && !STRETCHED_RE.test(word)) {
    if (KYRGYZ_FORM_RE.test(word) || TATAR_FORM_RE.test(word)) return Evidence.OtherForm;
    if (
      KYRGYZ_LONG_VOWEL_RE.test(word) &&
      !RUSSIAN_DOUBLE_VOWEL_RE.test(word) &&
      !RUSSIAN_FORM_RE.test(word) &&
      !(BACK_VOWEL_RE.test(word) && FRONT_VOWEL_RE.test(word))
    )
      return Evidence.OtherForm;
  }
  if (KAZAKH_LETTER_RE.test(word)) return Evidence.None;
  if (KAZAKH_STRONG_FORM_RE.test(word)) return Evidence.KazakhPlainWord;
  if (RUSSIAN_FORM_RE.test(word)) return Evidence.RussianForm;
  if (KAZAKH_FORM_RE.test(word)) return Evidence.KazakhForm;
  return Evidence.None;
});

/** A Latin word's Kazakh evidence: 1 a Kazakh word or letter, 0 none. */
const kazakhLatinOf = memoize((word): number =>
  KAZAKH_LATIN_WORDS.has(word) || KAZAKH_LATIN_LETTER_RE.test(word) || KAZAKH_LATIN_FORM_RE.test(word)
    ? 1
    : 0,
);

/** Confidence from the winner's evidence against the runner-up's. */
function confidenceOf(winner: number, runnerUp: number): number {
  const margin = Math.max(0, winner - runnerUp);
  return Math.round((1 - 0.5 * Math.exp(-margin / 2)) * 100) / 100;
}

export function detectLanguage(tokens: readonly Token[]): LanguageResult {
  let cyrillic = 0;
  let latin = 0;
  let kazakhLatin = 0;
  let kkWords = 0;
  let ruWords = 0;
  let letters = '';
  let otherLetters = '';
  const kkFunction: string[] = [];
  const ruFunction: string[] = [];
  const otherFunction: string[] = [];
  const kkLatinWords: string[] = [];
  let kkEvidence = 0;
  let ruEvidence = 0;
  let kkTotal = 0;
  let ruTotal = 0;
  let otherTotal = 0;
  /** Ukrainian has «і» but neither «ы» nor the other Kazakh letters. */
  let hasI = false;
  let hasYery = false;
  let hasCyrillicI = false;
  let hasKazakhOther = false;
  let words = 0;
  /** Up to two distinct words with Kazakh endings (a name said twice is one). */
  const kkForms: string[] = [];
  let kazakhOnlyWords = 0;
  let turkicWords = 0;
  // One more round past the end closes the last sentence.
  for (let index = 0; index <= tokens.length; index++) {
    const token = tokens[index];
    if (!token || token.sentenceStart) {
      if (kkEvidence > ruEvidence) kkWords += words;
      else if (ruEvidence > kkEvidence) ruWords += words;
      kkTotal += kkEvidence;
      ruTotal += ruEvidence;
      kkEvidence = ruEvidence = words = 0;
    }
    if (!token || token.kind !== 'word' || token.markup === 'link') continue;
    if (!token.cyrillic) {
      // A Latin hashtag («#DemonsSouls») says nothing of the post's language.
      if (token.markup === 'hashtag') continue;
      latin++;
      if (kazakhLatinOf(token.norm) === 1) {
        kazakhLatin++;
        if (kkLatinWords.length < 5 && !kkLatinWords.includes(token.norm)) kkLatinWords.push(token.norm);
      }
      continue;
    }
    cyrillic++;
    words++;
    const norm = token.norm;
    const marks = marksOf(norm);
    if (marks & Mark.KazakhOnly) kazakhOnlyWords++;
    else if (token.kazakh) turkicWords++;
    if (token.kazakh) {
      // «і» alone is also Ukrainian's and Belarusian's letter: it weighs half.
      kkEvidence += marks & Mark.KazakhButI ? 1 : 0.5;
      if (marks & Mark.KazakhButI) hasKazakhOther = true;
      if (marks & Mark.DottedI) hasI = true;
      for (const char of norm) if (KAZAKH_LETTERS.includes(char) && !letters.includes(char)) letters += char;
    }
    if (marks & Mark.Yery) hasYery = true;
    if (marks & Mark.CyrillicI) hasCyrillicI = true;
    switch (evidenceOf(norm)) {
      case Evidence.KazakhWord:
        kkEvidence += 1.5;
        if (kkFunction.length < 5 && !kkFunction.includes(norm)) kkFunction.push(norm);
        break;
      case Evidence.KazakhPlainWord:
        kkEvidence += 1;
        if (kkFunction.length < 5 && !kkFunction.includes(norm)) kkFunction.push(norm);
        break;
      case Evidence.RussianWord:
        ruEvidence += 1.5;
        if (ruFunction.length < 5 && !ruFunction.includes(norm)) ruFunction.push(norm);
        break;
      case Evidence.RussianForm:
        ruEvidence += 0.5;
        break;
      case Evidence.KazakhForm:
        kkEvidence += 0.5;
        if (kkForms.length < 2 && !kkForms.includes(norm)) kkForms.push(norm);
        break;
      case Evidence.OtherLetter:
        otherTotal += 3;
        for (const char of norm)
          if (OTHER_LETTERS.includes(char) && !otherLetters.includes(char)) otherLetters += char;
        break;
      case Evidence.OtherWord:
        otherTotal += 1.5;
        if (otherFunction.length < 5 && !otherFunction.includes(norm)) otherFunction.push(norm);
        break;
      case Evidence.OtherForm:
        otherTotal += 1;
        break;
    }
  }
  const reasons = [
    ...(letters ? [`kazakh_letters:${letters}`] : []),
    ...kkFunction.map((word) => `kk_word:${word}`),
    ...ruFunction.map((word) => `ru_word:${word}`),
  ];
  const otherReasons = [
    ...(otherLetters ? [`other_letters:${otherLetters}`] : []),
    ...otherFunction.map((word) => `other_word:${word}`),
  ];
  // Latin titles and names inside a Cyrillic post («ПРОХОДИМ DARK SOULS 3») leave it to its Cyrillic words.
  if (cyrillic === 0 || (latin > cyrillic && (cyrillic < LEAST_CYRILLIC || cyrillic * 3 < latin))) {
    // Kazakh in Latin script: its letters or its words in at least a fifth of the Latin words, and in two of
    // them unless the post is that short (one Spanish «año» is no Kazakh).
    if (kazakhLatin > 0 && kazakhLatin * 5 >= latin && (kazakhLatin >= 2 || latin <= 3))
      return {
        language: 'kk',
        reasons: kkLatinWords.map((word) => `kk_latin_word:${word}`),
        confidence: confidenceOf(kazakhLatin * 1.5, (latin - kazakhLatin) * 0.5),
      };
    // No word at all (emoji, numbers, a bare address): `other` for want of any evidence.
    return {
      language: 'other',
      reasons: [`latin_words:${latin}`],
      confidence: latin === 0 ? 0 : confidenceOf(latin, kazakhLatin * 1.5),
    };
  }
  // «і» without «ы» and without the other Kazakh letters is Ukrainian's (Kazakh has «ы» in nearly every
  // sentence); so are then the words it shares with Russian («на», «до», «не»).
  if (hasI && !hasYery && !hasKazakhOther && (otherTotal > 0 || (ruTotal >= 2 && ruTotal >= kkTotal))) {
    otherTotal += kkTotal + ruTotal;
    kkTotal = ruTotal = kkWords = ruWords = 0;
  }
  // Words with the letters Kazakh shares with Tatar and Kyrgyz (ә ө ү ң һ), none with those only Kazakh has
  // (ғ қ ұ і): Tatar or Kyrgyz, once there are enough of them or a word of theirs.
  if (kazakhOnlyWords === 0 && (turkicWords >= TURKIC_MIN_WORDS || (turkicWords > 0 && otherTotal >= 1))) {
    otherTotal += kkTotal;
    kkTotal = kkWords = 0;
  }
  // Belarusian has «і» and «ы» but no «и», which Kazakh uses in nearly every sentence.
  if (
    hasI &&
    hasYery &&
    !hasCyrillicI &&
    !hasKazakhOther &&
    cyrillic >= BELARUSIAN_MIN_WORDS &&
    (otherTotal > 0 || (ruTotal >= 2 && ruTotal >= kkTotal))
  ) {
    otherTotal += kkTotal + ruTotal;
    kkTotal = ruTotal = kkWords = ruWords = 0;
  }
  // One Kazakh-looking ending alone is more often a name («Логан», «Гитлер») than Kazakh.
  if (!letters && kkFunction.length === 0 && kkForms.length < 2) {
    kkTotal = 0;
    kkWords = 0;
  }
  const best = Math.max(kkTotal, ruTotal);
  if (otherTotal > best)
    return {
      language: 'other',
      reasons: [...otherReasons, ...reasons],
      confidence: confidenceOf(otherTotal, best),
    };
  const total = kkWords + ruWords;
  // Nothing but the script: a Cyrillic post without Kazakh letters or words is Russian, unsure.
  if (total === 0)
    return {
      language: 'ru',
      reasons: [...reasons, 'script:cyrillic'],
      confidence: SCRIPT_ONLY_CONFIDENCE,
    };
  const smaller = Math.min(kkWords, ruWords);
  if (smaller >= MIXED_MIN_WORDS && smaller / total >= MIXED_SHARE)
    return { language: 'mixed', reasons, confidence: confidenceOf(smaller, 0) };
  return kkWords > ruWords
    ? { language: 'kk', reasons, confidence: confidenceOf(kkTotal, ruTotal + otherTotal) }
    : { language: 'ru', reasons, confidence: confidenceOf(ruTotal, kkTotal + otherTotal) };
}
