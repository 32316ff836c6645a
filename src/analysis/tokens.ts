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
  /**
   * Part of a web address or an @mention (`link`), or of a hashtag (`hashtag`): not words of the post's own language
   * (a Russian post with an address counted its parts as English words).
   */
  readonly markup?: 'link' | 'hashtag';
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

/**
 * A web address at a word's start: a scheme, `www.`, or a Latin domain name (a country's or a common top-level
 * domain, so that «keremet.Tartip» typed without a space stays two words) followed by a path, a port or the
 * address's end («t.me/union», «enbek.kz»), up to the next space or quote.
 */
const ADDRESS_RE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|(?:[a-z0-9-]+\.)+(?:[a-z]{2}|com|org|net|info|gov|edu|biz|pro|app|dev|site|online|media|news|link)(?=[/:?#]|[\s,;)»"']|[.!?](?:\s|$)|$))[^\s<>"'«»]*/iy;
/** The rest of an @mention or a hashtag: letters, digits, underscores. */
const TAG_RE = /[\p{L}\p{M}\p{N}_]+/uy;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** End of the address starting at `index`, or -1 where none starts there. */
function addressEnd(text: string, index: number): number {
  ADDRESS_RE.lastIndex = index;
  if (!ADDRESS_RE.test(text)) return -1;
  let end = ADDRESS_RE.lastIndex;
  // A sentence's full stop or comma after an address is not part of it.
  while (end > index && /[.,;:!?)]/.test(text[end - 1] as string)) end--;
  return end;
}

function tagEnd(text: string, index: number): number {
  TAG_RE.lastIndex = index;
  return TAG_RE.test(text) ? TAG_RE.lastIndex : -1;
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
  // Tokens before these offsets are inside an address or an @mention, or a hashtag.
  let linkEnd = -1;
  let hashtagEnd = -1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (index >= linkEnd && (isAsciiLetter(code) || isDigit(code))) {
      const previous = index > 0 ? text.charCodeAt(index - 1) : 32;
      if (!isLetter(previous, text, index - 1) && !isDigit(previous) && previous !== 64 && previous !== 35) {
        const end = addressEnd(text, index);
        if (end > index) linkEnd = end;
      }
    } else if ((code === 64 || code === 35) && index + 1 < text.length) {
      // «@union_kz» is an account's name; «#профсоюз» a hashtag, whose word still counts, its markup not.
      const previous = index > 0 ? text.charCodeAt(index - 1) : 32;
      if (!isAsciiLetter(previous) && !isDigit(previous)) {
        const end = tagEnd(text, index + 1);
        if (end > index + 1) {
          if (code === 64) linkEnd = Math.max(linkEnd, end);
          else hashtagEnd = end;
        }
      } else if (code === 64) {
        // An e-mail address: its domain, and its name already taken as words.
        const end = addressEnd(text, index + 1);
        if (end > index + 1) {
          linkEnd = Math.max(linkEnd, end);
          let runStart = index;
          while (runStart > 0 && !/\s/.test(text[runStart - 1] as string)) runStart--;
          for (let last = tokens.length - 1; last >= 0 && (tokens[last] as Token).start >= runStart; last--)
            tokens[last] = { ...(tokens[last] as Token), markup: 'link' };
        }
      }
    }
    const markup = index < linkEnd ? 'link' : index < hashtagEnd ? 'hashtag' : undefined;
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
        ...(markup && { markup }),
      });
      sentenceStart = false;
      index = end;
      continue;
    }
    if (!isLetter(code, text, index)) {
      // An address's dots and slashes end no sentence.
      if (endsSentence(code) && index >= linkEnd) sentenceStart = true;
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
      ...(markup && { markup }),
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
