/**
 * What an import says of how it read a file beyond its counts: where the file left something unsaid and the
 * import decided it (times without a zone read in the channel owner's zone), in every UI language.
 */
import { interpolate } from './messages.js';
import type { UiLang } from './vocabulary.js';

export const NOTE_CODES = ['local_times'] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

export interface ImportNote {
  code: NoteCode;
  params: Record<string, string | number>;
}

export const NOTE_TEXTS: Readonly<Record<UiLang, Readonly<Record<NoteCode, string>>>> = {
  ru: {
    local_times:
      'У {count} публикаций время без часового пояса (так в выгрузках Telegram до 2022 года: местное время компьютера, на котором сделана выгрузка): оно прочитано в часовом поясе владельца канала «{channel}» — {zone}. Если выгрузку делали в другом поясе, время этих публикаций смещено на разницу',
  },
  kk: {
    local_times:
      '{count} жарияланымның уақытында сағат белдеуі жоқ (2022 жылға дейінгі Telegram экспорттарында солай: экспорт жасалған компьютердің жергілікті уақыты): ол «{channel}» арнасы иесінің сағат белдеуінде оқылды — {zone}. Экспорт басқа белдеуде жасалса, бұл жарияланымдардың уақыты сол айырмаға ығысқан',
  },
  en: {
    local_times:
      '{count} publications had a time without a time zone (as in Telegram exports made before 2022: the local time of the computer the export was made on): it was read in the time zone of the owner of channel "{channel}", {zone}. If the export was made in another zone, these publications\' times are off by the difference',
  },
};

export function describeNote(note: ImportNote, lang: UiLang): string {
  return interpolate(NOTE_TEXTS[lang][note.code], note.params);
}

/** The notes as an answer carries them: each with its message in the reader's language. */
export const toldNotes = (notes: readonly ImportNote[], lang: UiLang) =>
  notes.map((note) => ({ ...note, message: describeNote(note, lang) }));
