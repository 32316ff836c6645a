/**
 * A record's code made from its name, for a form that asks for a name and offers the code: Russian and Kazakh
 * letters written in Latin ones, everything else but letters and digits a hyphen, under the organization's code.
 */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  і: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** The longest code the API takes. */
const MAX_CODE = 64;

/** «Абай облысы Telegram» under `abai` → `abai-oblysy-telegram`; a name without letters or digits → the prefix. */
export function codeFromName(name: string, prefix: string): string {
  // Compatibility forms first (№ → No), then letters: ё and й are letters of their own, not marked e and и.
  const slug = [...name.normalize('NFKC').toLowerCase()]
    .map((letter) => LATIN[letter] ?? letter)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const words = slug.split('-').filter((word) => word !== '');
  // The organization's code once, not again when the name starts with it.
  const rest = words[0] === prefix ? words.slice(1) : words;
  return [prefix, ...rest].join('-').slice(0, MAX_CODE).replace(/-+$/, '');
}
