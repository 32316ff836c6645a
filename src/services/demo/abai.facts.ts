/**
 * The facts of the seed brief on Abai region (see shared seed), as the demo data must reproduce them from
 * individual records. Where the seed gives only a total for a group of outlets, the split chosen is noted.
 */
import type { BranchKey } from './abai.places.js';

export const UNION_CODE = 'sector-union';
export const REGION_CODE = 'abai';
export const branchCode = (key: BranchKey) => `abai-${key}`;

export const MEMBERS_TOTAL = 25_116;
export const PRIMARIES_TOTAL = 404;
/** When the members were counted (the annual statistical report). */
export const MEMBERS_AS_OF = '2024-01-01';
/** The seed brief's date: the Facebook figures are "as of 01.09.2024". */
export const BRIEF_AS_OF = '2024-09-01';

/** Primaries under each branch; the rest of the 404 hang directly under the region. */
export const PRIMARIES_PER_BRANCH: Readonly<Record<BranchKey, number>> = {
  abai: 24,
  aksuat: 26,
  ayagoz: 52,
  beskaragai: 28,
  borodulikha: 38,
  zharma: 40,
  kokpekti: 30,
  urdzhar: 36,
  semey: 118,
};

/** The region's Facebook page (created May 2023) and its 261 followers as of the brief's date. */
export const REGION_FACEBOOK = {
  code: 'abai-facebook',
  url: 'https://web.facebook.com/profile.php?id=100093464882288',
  name: 'Профсоюз работников просвещения, науки и высшего образования',
  createdOn: '2023-05-15',
  followers: [
    { asOf: '2023-09-01', followers: 142 },
    { asOf: '2024-01-01', followers: 204 },
    { asOf: BRIEF_AS_OF, followers: 261 },
  ],
} as const;

/** Materials on the regional page by subject: `region`, a branch, or `direct` (primaries under the region). */
export type SubjectKey = 'region' | BranchKey | 'direct';

export const FACEBOOK_2023: Readonly<Partial<Record<SubjectKey, number>>> = {
  region: 25,
  semey: 9,
  aksuat: 1,
  ayagoz: 1,
  beskaragai: 2,
  borodulikha: 3,
  zharma: 2,
  kokpekti: 3,
  urdzhar: 2,
};

/** 2024 up to the brief's date. */
export const FACEBOOK_2024: Readonly<Partial<Record<SubjectKey, number>>> = {
  region: 17,
  semey: 10,
  aksuat: 2,
  zharma: 1,
  direct: 3,
};

/** The sector union's website: the region's materials per year (2024: first half only). */
export const SECTOR_WEBSITE = {
  code: 'sector-website',
  url: 'https://bilim-kasipodagy.kz',
  name: 'Сайт отраслевого профсоюза',
  perYear: { 2021: 20, 2022: 36, 2023: 46, 2024: 28 } as Readonly<Record<number, number>>,
  /** The union's own news per year, not the region's: a count for Abai must not include them. */
  ownPerYear: 12,
} as const;

/** The branches' own pages as the seed's monitoring lists them; four branches have none. */
export const BRANCH_CHANNELS: readonly {
  branch: BranchKey;
  platform: 'facebook' | 'instagram';
  url: string;
}[] = [
  {
    branch: 'abai',
    platform: 'instagram',
    url: 'https://www.instagram.com/abai.audany_bilim_kasipodagy',
  },
  {
    branch: 'aksuat',
    platform: 'facebook',
    url: 'https://www.facebook.com/aksuat.audandyk.kasipodak.komiteti',
  },
  { branch: 'beskaragai', platform: 'facebook', url: 'https://www.facebook.com/profbesk' },
  { branch: 'beskaragai', platform: 'instagram', url: 'https://www.instagram.com/p/DA77oxrI2YT/' },
  { branch: 'borodulikha', platform: 'instagram', url: 'https://www.instagram.com/kuliadaumbaeva/' },
  {
    branch: 'urdzhar',
    platform: 'facebook',
    url: 'https://www.facebook.com/photo/?fbid=122101013042119281&set=a.122101010780119281',
  },
];

export interface OutletFact {
  code: string;
  name: string;
  level: 'republican' | 'regional' | 'district';
  language: 'kk' | 'ru';
}

export const OUTLETS: readonly OutletFact[] = [
  { code: 'kazakhstan-kasipodagy', name: 'Қазақстан кәсіподағы', level: 'republican', language: 'kk' },
  { code: 'bilimdi-el', name: 'Білімді Ел', level: 'republican', language: 'kk' },
  { code: 'semey-tany', name: 'Семей таңы', level: 'regional', language: 'kk' },
  { code: 'semey-vesti', name: 'Семей вести', level: 'regional', language: 'ru' },
  { code: 'uakyt-tynysy', name: 'Уақыт тынысы', level: 'district', language: 'kk' },
  { code: 'zhana-uakyt', name: 'Жаңа уақыт', level: 'district', language: 'kk' },
  { code: 'beskaragai-tynysy', name: 'Бесқарағай тынысы', level: 'district', language: 'kk' },
];

/**
 * Mentions per year and outlet, item by item (so 2022 has the 7 items the seed lists, not its stated 6).
 * 2023: the seed gives 2 for the two regional papers and 4 for the three district ones; split 1+1 and 2+1+1.
 */
export const MENTIONS: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2021: { 'kazakhstan-kasipodagy': 1, 'semey-tany': 1, 'bilimdi-el': 1, 'uakyt-tynysy': 1 },
  2022: { 'kazakhstan-kasipodagy': 5, 'bilimdi-el': 1, 'uakyt-tynysy': 1 },
  2023: {
    'kazakhstan-kasipodagy': 2,
    'semey-tany': 1,
    'semey-vesti': 1,
    'zhana-uakyt': 2,
    'beskaragai-tynysy': 1,
    'uakyt-tynysy': 1,
  },
  2024: { 'semey-tany': 1, 'zhana-uakyt': 2, 'beskaragai-tynysy': 3 },
};

/** The five manuals of 2022–2024 the seed names, with their titles in both languages. */
export const MANUALS: readonly { titleRu: string; titleKk: string; issuedOn: string }[] = [
  {
    titleRu: 'Порядок проведения ежегодных отчетных собраний профсоюза',
    titleKk: 'Кәсіподақтың жыл сайынғы есеп беру жиналыстарын өткізу тәртібі',
    issuedOn: '2022-02-14',
  },
  {
    titleRu: 'Статистическая отчетность в организациях профсоюза',
    titleKk: 'Кәсіподақ ұйымдарындағы статистикалық есептілік',
    issuedOn: '2022-11-21',
  },
  {
    titleRu: 'Подготовка и проведение отчетно-выборных конференций в райкомах и горкоме профсоюза',
    titleKk:
      'Кәсіподақтың аудандық және қалалық комитеттерінде есеп беру-сайлау конференцияларын дайындау және өткізу',
    issuedOn: '2023-09-04',
  },
  {
    titleRu:
      'Подготовка и проведение отчетно-выборных профсоюзных собраний в первичных профсоюзных организациях',
    titleKk: 'Бастауыш кәсіподақ ұйымдарында есеп беру-сайлау жиналыстарын дайындау және өткізу',
    issuedOn: '2023-10-16',
  },
  {
    titleRu: 'Основные направления деятельности профсоюза',
    titleKk: 'Кәсіподақ қызметінің негізгі бағыттары',
    issuedOn: '2024-03-11',
  },
];

/** The Executive Committee's two reviews of information work, with the tasks that followed, in both languages. */
export const DECISIONS = [
  {
    adoptedOn: '2021-03-26',
    number: '4/2',
    titleRu:
      'О состоянии работы и мерах по повышению эффективности информационной работы в профсоюзных органах и организациях',
    titleKk:
      'Кәсіподақ органдары мен ұйымдарындағы ақпараттық жұмыстың жай-күйі және оның тиімділігін арттыру шаралары туралы',
    tasks: [
      {
        textRu:
          'Определить в аппарате областной организации и в филиалах ответственных за информационную работу',
        textKk: 'Облыстық ұйымның аппаратында және филиалдарда ақпараттық жұмысқа жауаптыларды белгілеу',
        dueOn: '2021-06-30',
        status: 'open',
      },
      {
        textRu: 'Создать официальные страницы филиалов в социальных сетях',
        textKk: 'Филиалдардың әлеуметтік желілерде ресми парақшаларын ашу',
        dueOn: '2021-12-31',
        status: 'open',
      },
      {
        textRu: 'Ежеквартально направлять материалы о работе организации на сайт отраслевого профсоюза',
        textKk: 'Ұйымның жұмысы туралы материалдарды салалық кәсіподақтың сайтына тоқсан сайын жіберіп отыру',
        dueOn: '2021-12-31',
        status: 'done',
        doneOn: '2021-12-28',
        evidence: 'В 2021 году на сайте отраслевого профсоюза опубликовано 20 материалов',
      },
    ],
  },
  {
    adoptedOn: '2024-04-19',
    number: '12/3',
    titleRu: 'О проводимой информационной работе в филиалах областной профсоюзной организации',
    titleKk: 'Облыстық кәсіподақ ұйымының филиалдарында жүргізіліп жатқан ақпараттық жұмыс туралы',
    tasks: [
      {
        textRu: 'Создать страницы областной организации в Instagram и Telegram',
        textKk: 'Облыстық ұйымның Instagram мен Telegram желілерінде парақшаларын ашу',
        dueOn: '2024-12-31',
        status: 'open',
      },
      {
        textRu: 'Провести обучающий семинар для ответственных за информационную работу в филиалах',
        textKk: 'Филиалдардағы ақпараттық жұмысқа жауаптыларға арналған оқыту семинарын өткізу',
        dueOn: '2024-06-30',
        status: 'open',
      },
    ],
  },
] as const;

/** Headlines of the newspaper items, by the paper's language. */
export const MENTION_TITLES: Readonly<Record<'kk' | 'ru', readonly string[]>> = {
  kk: [
    'Кәсіподақ – ұстаздың сенімді серігі',
    'Облыстық кәсіподақ ұйымы: атқарылған жұмыс пен алдағы міндеттер',
    'Жас мұғалімдер форумы өтті',
    'Ұжымдық шарт – әлеуметтік әріптестіктің негізі',
    'Кәсіподақ жетекшісімен сұхбат',
    'Ардагер ұстаздарға құрмет',
    'Аудандық кәсіподақ ұйымының есеп беру жиналысы',
    'Білім саласындағы кәсіподақ жұмысы туралы',
  ],
  ru: ['Профсоюз образования подвел итоги года', 'Интервью с председателем областного профсоюза'],
};

/** Seminars, meetings and campaigns of the region, in both languages; the two legal seminars are the seed's. */
export const EVENTS = [
  {
    titleRu: 'Семинар по работе согласительных комиссий',
    titleKk: 'Келісім комиссияларының жұмысы жөніндегі семинар',
    kind: 'seminar',
    topic: 'legal',
    heldOn: '2023-10-12',
    participants: 46,
  },
  {
    titleRu: 'Семинар с представителями работодателей по вопросам аттестации педагогов',
    titleKk: 'Педагогтерді аттестаттау мәселелері бойынша жұмыс берушілер өкілдерімен семинар',
    kind: 'seminar',
    topic: 'legal',
    heldOn: '2024-03-20',
    participants: 38,
  },
  {
    titleRu: 'Семинар-совещание пресс-службы отраслевого профсоюза с председателями районных организаций',
    titleKk: 'Салалық кәсіподақ баспасөз қызметінің аудандық ұйымдар төрағаларымен семинар-кеңесі',
    kind: 'seminar',
    topic: 'info',
    heldOn: '2023-04-18',
    participants: 11,
  },
  {
    titleRu: 'Семинар-совещание: ведение страниц профсоюзных организаций в социальных сетях',
    titleKk: 'Семинар-кеңес: кәсіподақ ұйымдарының әлеуметтік желілердегі парақшаларын жүргізу',
    kind: 'seminar',
    topic: 'info',
    heldOn: '2023-11-09',
    participants: 12,
  },
  {
    titleRu: 'Пленум областного комитета профсоюза',
    titleKk: 'Кәсіподақ облыстық комитетінің пленумы',
    kind: 'meeting',
    topic: 'organizational',
    heldOn: '2022-12-15',
    participants: 41,
  },
  {
    titleRu: 'Областной конкурс «Лучшая первичная профсоюзная организация»',
    titleKk: '«Үздік бастауыш кәсіподақ ұйымы» облыстық байқауы',
    kind: 'contest',
    topic: 'organizational',
    heldOn: '2024-05-24',
    participants: 64,
  },
] as const;
