/**
 * Templates of union posts in Russian and Kazakh. Each asks for the concrete facts a post needs not to read as
 * declarative (who, when, how many, what result) and fills both texts from them; a field left empty stays in the
 * text as its name in brackets, so the author and the checks see what is missing.
 */
import type { Topic, UiLang } from './vocabulary.js';

type Texts = Readonly<Record<UiLang, string>>;
export type ContentField = 'ru' | 'kk';

export interface TemplateField {
  key: string;
  /** How the form asks for it. */
  label: Texts;
  /** An example of the form the text needs (Kazakh and Russian cases differ). */
  hint: Texts;
  kind: 'text' | 'date' | 'number';
}

export interface PostTemplate {
  id: 'legal_consultation' | 'seminar_results' | 'collective_agreement' | 'greeting';
  title: Texts;
  topic: Topic;
  fields: readonly TemplateField[];
  /** The texts with `{key}` where a field's value goes. */
  text: Readonly<Record<ContentField, string>>;
}

const when: TemplateField = {
  key: 'date',
  label: { ru: 'Когда', kk: 'Қашан', en: 'When' },
  hint: { ru: 'дата', kk: 'күні', en: 'the date' },
  kind: 'date',
};
const howMany = (label: Texts): TemplateField => ({
  key: 'count',
  label,
  hint: { ru: 'число', kk: 'сан', en: 'a number' },
  kind: 'number',
});

export const POST_TEMPLATES: readonly PostTemplate[] = [
  {
    id: 'legal_consultation',
    title: { ru: 'Юридическая консультация', kk: 'Заң кеңесі', en: 'A legal consultation' },
    topic: 'legal',
    fields: [
      when,
      {
        key: 'who',
        label: { ru: 'Кто консультировал', kk: 'Кім кеңес берді', en: 'Who advised' },
        hint: {
          ru: 'правовой инспектор Ахметова Айгуль',
          kk: 'құқықтық инспектор Айгүл Ахметова',
          en: 'a name',
        },
        kind: 'text',
      },
      {
        key: 'place',
        label: { ru: 'Где', kk: 'Қайда', en: 'Where' },
        hint: { ru: 'в школе-лицее № 5 г. Семей', kk: 'Семейдегі № 5 мектеп-лицейде', en: 'the place' },
        kind: 'text',
      },
      howMany({
        ru: 'Сколько работников получили консультации',
        kk: 'Неше қызметкер кеңес алды',
        en: 'How many workers were advised',
      }),
      {
        key: 'result',
        label: { ru: 'Результат', kk: 'Нәтиже', en: 'The result' },
        hint: {
          ru: 'двоим работникам вернули 340 000 тенге',
          kk: 'екі қызметкерге 340 000 теңге қайтарылды',
          en: 'what was won',
        },
        kind: 'text',
      },
    ],
    text: {
      ru: '{date} {who} провёл(а) юридический приём {place}: консультации получили {count} работников. Результат: {result}.',
      kk: '{date} {who} {place} заң кеңесін өткізді: {count} қызметкер кеңес алды. Нәтижесі: {result}.',
    },
  },
  {
    id: 'seminar_results',
    title: { ru: 'Итоги семинара', kk: 'Семинар қорытындысы', en: 'A seminar’s results' },
    topic: 'organizational',
    fields: [
      when,
      {
        key: 'subject',
        label: { ru: 'Тема семинара', kk: 'Семинар тақырыбы', en: 'The seminar’s subject' },
        hint: { ru: 'Охрана труда в школе', kk: 'Мектептегі еңбекті қорғау', en: 'its subject' },
        kind: 'text',
      },
      {
        key: 'place',
        label: { ru: 'Где', kk: 'Қайда', en: 'Where' },
        hint: { ru: 'в Абайском областном комитете', kk: 'Абай облыстық комитетінде', en: 'the place' },
        kind: 'text',
      },
      {
        key: 'who',
        label: { ru: 'Кто выступил', kk: 'Кім баяндама жасады', en: 'Who spoke' },
        hint: { ru: 'председатель Серик Жумабеков', kk: 'төраға Серік Жұмабеков', en: 'a name' },
        kind: 'text',
      },
      howMany({ ru: 'Сколько участников', kk: 'Неше адам қатысты', en: 'How many took part' }),
      {
        key: 'result',
        label: { ru: 'Итог', kk: 'Қорытынды', en: 'The outcome' },
        hint: {
          ru: '28 уполномоченных по охране труда получили сертификаты',
          kk: 'еңбекті қорғау жөніндегі 28 уәкіл сертификат алды',
          en: 'what it achieved',
        },
        kind: 'text',
      },
    ],
    text: {
      ru: '{date} {place} прошёл семинар «{subject}». Выступил(а) {who}, участвовали {count} человек. Итог: {result}.',
      kk: '{date} {place} «{subject}» семинары өтті. {who} баяндама жасады, {count} адам қатысты. Қорытындысы: {result}.',
    },
  },
  {
    id: 'collective_agreement',
    title: {
      ru: 'Подписание коллективного договора',
      kk: 'Ұжымдық шартқа қол қою',
      en: 'A collective agreement signed',
    },
    topic: 'partnership',
    fields: [
      when,
      {
        key: 'employer',
        label: { ru: 'Работодатель', kk: 'Жұмыс беруші', en: 'The employer' },
        hint: { ru: 'КГУ «Школа-лицей № 5»', kk: '«№ 5 мектеп-лицей» КММ', en: 'the employer' },
        kind: 'text',
      },
      {
        key: 'who',
        label: { ru: 'Кто подписал', kk: 'Кім қол қойды', en: 'Who signed' },
        hint: {
          ru: 'директор Ержан Касымов и председатель профкома Айгуль Ахметова',
          kk: 'директор Ержан Қасымов пен кәсіподақ комитетінің төрайымы Айгүл Ахметова',
          en: 'names',
        },
        kind: 'text',
      },
      howMany({ ru: 'На скольких работников', kk: 'Неше қызметкерге', en: 'How many workers it covers' }),
      {
        key: 'result',
        label: { ru: 'Что закрепили', kk: 'Не бекітілді', en: 'What it secures' },
        hint: {
          ru: 'доплату 10 % за классное руководство',
          kk: 'сынып жетекшілігі үшін 10 % үстемеақы',
          en: 'the guarantees',
        },
        kind: 'text',
      },
    ],
    text: {
      ru: '{date} {employer} и профсоюзная организация подписали коллективный договор. Подписали: {who}. Договор распространяется на {count} работников и закрепляет {result}.',
      kk: '{date} {employer} әкімшілігі мен кәсіподақ ұйымы ұжымдық шартқа қол қойды. Қол қойғандар: {who}. Шарт {count} қызметкерге қолданылады және мынаны бекітеді: {result}.',
    },
  },
  {
    id: 'greeting',
    title: { ru: 'Поздравление', kk: 'Құттықтау', en: 'A greeting' },
    topic: 'other',
    fields: [
      {
        key: 'addressee',
        label: { ru: 'Кого поздравляем', kk: 'Кімді құттықтаймыз', en: 'Whom we greet' },
        hint: { ru: 'коллеги', kk: 'әріптестер', en: 'colleagues' },
        kind: 'text',
      },
      {
        key: 'occasion',
        label: { ru: 'С чем', kk: 'Немен', en: 'The occasion' },
        hint: { ru: 'Днём работников образования', kk: 'Білім қызметкерлері күнімен', en: 'the occasion' },
        kind: 'text',
      },
      {
        key: 'result',
        label: {
          ru: 'Чего добились вместе',
          kk: 'Бірге неге қол жеткіздік',
          en: 'What was achieved together',
        },
        hint: {
          ru: 'За год 1 240 членов профсоюза получили материальную помощь',
          kk: 'Бір жылда кәсіподақтың 1 240 мүшесі материалдық көмек алды',
          en: 'a fact with a figure',
        },
        kind: 'text',
      },
      {
        key: 'who',
        label: { ru: 'От кого', kk: 'Кімнен', en: 'From whom' },
        hint: { ru: 'председатель Серик Жумабеков', kk: 'төраға Серік Жұмабеков', en: 'a name' },
        kind: 'text',
      },
    ],
    text: {
      ru: 'Уважаемые {addressee}! Поздравляем вас с {occasion}! {result}. С уважением, {who}.',
      kk: 'Құрметті {addressee}! Сіздерді {occasion} құттықтаймыз! {result}. Құрметпен, {who}.',
    },
  },
];

/** `2026-12-03` as posts write a date: `03.12.2026`. */
const dated = (value: string) => value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1');

/** The template's text in the language with the values put in; an empty field stays as `[its name]`. */
export function fillTemplate(
  template: PostTemplate,
  field: ContentField,
  values: Readonly<Record<string, string | undefined>>,
): string {
  const text = template.text[field].replace(/\{(\w+)\}/g, (_, key: string) => {
    const spec = template.fields.find((candidate) => candidate.key === key);
    const value = values[key]?.trim();
    if (!value) return `[${spec?.label[field] ?? key}]`;
    return spec?.kind === 'date' ? dated(value) : value;
  });
  // A sentence starts with a capital letter, whatever the field it starts with.
  return text.charAt(0).toLocaleUpperCase(field) + text.slice(1);
}
