/**
 * Splits a post into word and number tokens in one pass over its characters (a hand-written scanner: this is the
 * hot path of classification). Words are lower-cased with ё folded to е (the stemmer does not fold it); hyphens
 * split words («отчетно-выборная», «іс-шара»), so the lexicons match the parts.
 */

export interface Token {
  /** Lower case, ё folded to е; numbers without group spaces. */
  readonly norm: string;
  /** Offsets in the text, so that reasons quote the post itself. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number';
  /** Begins with a capital letter. */
  readonly capital: boolean;
  /** First token of the text or of a sentence. */
  readonly sentenceStart: boolean;
  /** Contains a letter of the Kazakh alphabet that Russian lacks: ә ғ қ ң ө ұ ү һ і. */
  readonly kazakh: boolean;
  /** Written in Cyrillic (false for Latin words and for numbers). */
  readonly cyrillic: boolean;
}

const LETTER_RE = /[\p{L}\p{M}]/u;
const KAZAKH_CODES = new Set([0x4d9, 0x493, 0x49b, 0x4a3, 0x4e9, 0x4b1, 0x4af, 0x4bb, 0x456]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number, text: string, index: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code >= 0x400 && code <= 0x52f) return true;
  if (code < 0xc0) return false;
  return LETTER_RE.test(text[index] as string);
}

/** Ends a sentence; a slash or bar often separates the two languages of a bilingual post. */
function endsSentence(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 10 || code === 0x2026 || code === 47 || code === 124
  );
}

function isGroupSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f;
}

/** End of a number starting at `start`: digits, with decimal, date or time parts and thousands groups. */
function numberEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  // «25 116»: groups of exactly three digits after a lead of at most three.
  if (end - start <= 3) {
    let grouped = end;
    while (
      grouped + 3 < text.length &&
      isGroupSpace(text.charCodeAt(grouped)) &&
      isDigit(text.charCodeAt(grouped + 1)) &&
      isDigit(text.charCodeAt(grouped + 2)) &&
      isDigit(text.charCodeAt(grouped + 3)) &&
      !isDigit(text.charCodeAt(grouped + 4))
    ) {
      grouped += 4;
    }
    if (grouped > end) return grouped;
  }
  // «2,4», «12.05.2024», «10:00».
  while (end + 1 < text.length) {
    const separator = text.charCodeAt(end);
    if ((separator === 46 || separator === 44 || separator === 58) && isDigit(text.charCodeAt(end + 1))) {
      end++;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    } else break;
  }
  return end;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isDigit(code)) {
      const end = numberEnd(text, index);
      const raw = text.slice(index, end);
      tokens.push({
        norm: end - index > 3 && /\s/.test(raw) ? raw.replace(/[ \u00a0\u202f]/g, '') : raw,
        start: index,
        end,
        kind: 'number',
        capital: false,
        sentenceStart,
        kazakh: false,
        cyrillic: false,
      });
      sentenceStart = false;
      index = end;
      continue;
    }
    if (!isLetter(code, text, index)) {
      if (endsSentence(code)) sentenceStart = true;
      index++;
      continue;
    }
    let end = index + 1;
    let kazakh = false;
    while (end < text.length) {
      const next = text.charCodeAt(end);
      if (isDigit(next) || !isLetter(next, text, end)) break;
      end++;
    }
    const raw = text.slice(index, end);
    let norm = raw.toLowerCase();
    if (norm.includes('ё')) norm = norm.replaceAll('ё', 'е');
    for (let i = 0; i < norm.length && !kazakh; i++) kazakh = KAZAKH_CODES.has(norm.charCodeAt(i));
    const first = norm.charCodeAt(0);
    tokens.push({
      norm,
      start: index,
      end,
      kind: 'word',
      capital: raw.charCodeAt(0) !== first,
      sentenceStart,
      kazakh,
      cyrillic: first >= 0x400 && first <= 0x52f,
    });
    sentenceStart = false;
    index = end;
  }
  return tokens;
}

/** The numeric value of a number token («25116», «2,4»); NaN for dates and times. */
export function numberValue(token: Token): number {
  const parts = token.norm.split(/[.,]/);
  if (token.norm.includes(':') || parts.length > 2) return Number.NaN;
  return Number(parts.join('.'));
}
