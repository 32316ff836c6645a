/**
 * Kazakh morphology for matching: no stemmer exists for Kazakh, so these are rules of our own. Kazakh is
 * agglutinative: a word is a root followed by a chain of suffixes (plural, possessive, case; verbs: voice, tense,
 * person). Two uses:
 * - a lexicon root matches a word that starts with it and continues with a valid suffix chain («дау» matches
 *   «дауы», «дауларды», not «дауыс»; «қолдау» never matches «дау», since matching starts at the word's start);
 * - a generic stem (inflection stripped from the end) gives the learned model its features.
 */

const PLURAL = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'];
// prettier-ignore
const POSSESSIVE = [
  'ым', 'ім', 'м', 'ың', 'ің', 'ң', 'ы', 'і', 'сы', 'сі',
  'ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз',
];
// prettier-ignore
const CASES = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', // genitive
  'ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е', // dative
  'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н', // accusative
  'да', 'де', 'та', 'те', 'нда', 'нде', // locative
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен', // ablative
  'мен', 'бен', 'пен', 'менен', // instrumental
  'ша', 'ше', // equative
  'дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі', // attributive locative
];
// Derivation and verb inflection: allowed after roots of four letters or more.
// prettier-ignore
const DERIVATION_AND_VERBS = [
  'лық', 'лік', 'дық', 'дік', 'тық', 'тік', 'шы', 'ші', 'шылық', 'шілік', 'лы', 'лі', 'сыз', 'сіз',
  'ғы', 'гі', 'қы', 'кі', 'кер', 'гер', 'қор',
  'ла', 'ле', 'лан', 'лен', 'ыл', 'іл', 'л', 'ын', 'ін', 'тыр', 'тір', 'дыр', 'дір', 'ғыз', 'гіз', 'қыз', 'кіз',
  'ған', 'ген', 'қан', 'кен', 'атын', 'етін', 'йтын', 'йтін', 'ытын', 'ітін', 'ып', 'іп', 'п',
  'у', 'ю', 'уда', 'уде', 'уы', 'уі', 'ушы', 'уші', 'ма', 'ме', 'ба', 'бе', 'па', 'пе',
  'мақ', 'мек', 'бақ', 'бек', 'пақ', 'пек', 'са', 'се', 'сын', 'сін', 'ар', 'ер', 'р', 'й',
  'ады', 'еді', 'йды', 'йді', 'мын', 'мін', 'сың', 'сің', 'ыңдар', 'іңдер', 'ңдар', 'ңдер', 'ғалы', 'гелі',
];

const INFLECTION = new Set([...PLURAL, ...POSSESSIVE, ...CASES]);
const ANY_SUFFIX = new Set([...INFLECTION, ...DERIVATION_AND_VERBS]);
const LONGEST_SUFFIX = Math.max(...[...ANY_SUFFIX].map((suffix) => suffix.length));

/** Roots this short take inflection only: a short root with derivation suffixes is too often another word. */
const SHORT_ROOT = 3;

/**
 * Whether `rest` is a chain of suffixes (empty included). Short roots take inflection only.
 */
export function isSuffixChain(rest: string, rootLength: number): boolean {
  if (rest.length === 0) return true;
  const allowed = rootLength <= SHORT_ROOT ? INFLECTION : ANY_SUFFIX;
  return chainFrom(rest, 0, allowed);
}

function chainFrom(rest: string, from: number, allowed: ReadonlySet<string>): boolean {
  if (from === rest.length) return true;
  const limit = Math.min(LONGEST_SUFFIX, rest.length - from);
  for (let length = limit; length >= 1; length--) {
    if (allowed.has(rest.slice(from, from + length)) && chainFrom(rest, from + length, allowed)) return true;
  }
  return false;
}

/** A root's voiced forms before a vowel: «еңбек» → «еңбег(і)», «құқық» → «құқығ(ы)», «кітап» → «кітаб(ы)». */
export function rootVariants(root: string): string[] {
  const last = root.at(-1);
  const voiced = last === 'к' ? 'г' : last === 'қ' ? 'ғ' : last === 'п' ? 'б' : undefined;
  return voiced ? [root, root.slice(0, -1) + voiced] : [root];
}

const VOWELS = new Set('аәеёиоөуұүыіэюя');
const isVowel = (char: string | undefined) => char !== undefined && VOWELS.has(char);

/** Which letter may precede an inflection suffix: a vowel, a consonant, or either. */
type Before = 'vowel' | 'consonant' | 'any';

const INFLECTION_BEFORE: ReadonlyMap<string, Before> = new Map<string, Before>([
  ...PLURAL.map((suffix): [string, Before] => [suffix, suffix.startsWith('л') ? 'any' : 'consonant']),
  ...(
    ['сы', 'сі', 'м', 'ң', 'мыз', 'міз', 'ңыз', 'ңіз', 'ны', 'ні', 'н', 'на', 'не', 'нда', 'нде'] as const
  ).map((suffix): [string, Before] => [suffix, 'vowel']),
  ...(
    ['ы', 'і', 'ым', 'ім', 'ың', 'ің', 'ымыз', 'іміз', 'ыңыз', 'іңіз', 'ды', 'ді', 'ты', 'ті'] as const
  ).map((suffix): [string, Before] => [suffix, 'consonant']),
  ...(['тың', 'тің', 'қа', 'ке', 'та', 'те', 'тан', 'тен', 'дың', 'дің'] as const).map(
    (suffix): [string, Before] => [suffix, 'consonant'],
  ),
  ...(
    [
      'ның',
      'нің',
      'ға',
      'ге',
      'да',
      'де',
      'дан',
      'ден',
      'нан',
      'нен',
      'мен',
      'бен',
      'пен',
      'ша',
      'ше',
    ] as const
  ).map((suffix): [string, Before] => [suffix, 'any']),
  ...(['дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі', 'менен'] as const).map(
    (suffix): [string, Before] => [suffix, 'any'],
  ),
]);

const INFLECTION_BY_LENGTH = [...INFLECTION_BEFORE.keys()].sort((a, b) => b.length - a.length);
const MIN_STEM = 3;

/**
 * The word with its inflection (case, possessive, plural) stripped from the end, longest suffix first, as long as
 * a stem of three letters with a vowel remains; a final voiced consonant is unvoiced («мектеб(і)» → «мектеп»), so
 * that the forms of one word share a stem.
 */
export function stripKazakhSuffixes(word: string): string {
  let stem = word;
  for (let round = 0; round < 4; round++) {
    const suffix = INFLECTION_BY_LENGTH.find((candidate) => {
      if (!stem.endsWith(candidate)) return false;
      const rest = stem.slice(0, -candidate.length);
      if (rest.length < MIN_STEM || ![...rest].some(isVowel)) return false;
      const before = INFLECTION_BEFORE.get(candidate);
      const previous = rest.at(-1);
      return before === 'any' || (before === 'vowel') === isVowel(previous);
    });
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return unvoice(stem);
}

function unvoice(stem: string): string {
  const last = stem.at(-1);
  if (last === 'г') return stem.slice(0, -1) + 'к';
  if (last === 'ғ') return stem.slice(0, -1) + 'қ';
  if (last === 'б') return stem.slice(0, -1) + 'п';
  return stem;
}
