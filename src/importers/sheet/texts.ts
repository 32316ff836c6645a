/** Words of spreadsheets and their templates, in every UI language. */
import type { UiLang } from '../../shared/vocabulary.js';

type Texts<K extends string> = Readonly<Record<UiLang, Readonly<Record<K, string>>>>;

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export const YES_NO_TEXTS: Texts<YesNo> = {
  ru: { yes: 'да', no: 'нет' },
  kk: { yes: 'иә', no: 'жоқ' },
  en: { yes: 'yes', no: 'no' },
};

export const TEMPLATE_TEXTS: Texts<'dataSheet' | 'listsSheet' | 'note' | 'titlesNote'> = {
  ru: {
    dataSheet: 'Данные',
    listsSheet: 'Списки',
    note:
      'Одна строка — одна запись. Столбцы со звёздочкой обязательны. Серая строка — пример: замените или удалите её. ' +
      'Организации, каналы и СМИ выбирайте из списков; даты пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.',
    titlesNote:
      'Название пишите на русском, на казахском или на обоих языках: один из двух столбцов может быть пустым, но не оба. ' +
      'Справка на казахском языке берёт казахское название, на русском — русское.',
  },
  kk: {
    dataSheet: 'Деректер',
    listsSheet: 'Тізімдер',
    note:
      'Бір жол — бір жазба. Жұлдызшасы бар бағандар міндетті. Сұр жол — үлгі: оны ауыстырыңыз немесе жойыңыз. ' +
      'Ұйымдарды, арналарды және БАҚ-ты тізімнен таңдаңыз; күндерді ЖЖЖЖ-АА-КК не КК.АА.ЖЖЖЖ түрінде жазыңыз.',
    titlesNote:
      'Атауын қазақ, орыс не екі тілде де жазыңыз: екі бағанның біреуі бос болуы мүмкін, екеуі де бос болмайды. ' +
      'Қазақ тіліндегі анықтамаға қазақша атауы, орыс тіліндегісіне орысша атауы алынады.',
  },
  en: {
    dataSheet: 'Data',
    listsSheet: 'Lists',
    note:
      'One row per record. Columns with an asterisk are required. The grey row is an example: replace or delete it. ' +
      'Pick organizations, channels and outlets from the lists; write dates as YYYY-MM-DD or DD.MM.YYYY.',
    titlesNote:
      'Write the title in Russian, in Kazakh or in both: either column may be empty, not both. ' +
      'The Kazakh brief takes the Kazakh title, the Russian one the Russian title.',
  },
};

/** The example row of each template, in the template's language. */
export const EXAMPLE_TEXTS: Texts<'title' | 'text' | 'repostSource' | 'mentionTitle' | 'materialTitle'> = {
  ru: {
    title: 'Семинар по правовой защите педагогов',
    text: 'В районном комитете профсоюза прошёл семинар для председателей первичных организаций.',
    repostSource: 'Центральный комитет профсоюза',
    mentionTitle: 'Интервью председателя областной организации',
    materialTitle: 'Памятка члену профсоюза',
  },
  kk: {
    title: 'Педагогтерді құқықтық қорғау семинары',
    text: 'Аудандық кәсіподақ комитетінде бастауыш ұйым төрағаларына арналған семинар өтті.',
    repostSource: 'Кәсіподақтың Орталық комитеті',
    mentionTitle: 'Облыстық ұйым төрағасының сұхбаты',
    materialTitle: 'Кәсіподақ мүшесіне жадынама',
  },
  en: {
    title: 'Seminar on the legal protection of teachers',
    text: 'The district committee held a seminar for the chairs of primary organizations.',
    repostSource: 'Central Committee of the union',
    mentionTitle: 'Interview with the chair of the regional organization',
    materialTitle: 'A union member’s guide',
  },
};
