/**
 * Places and names of the demo region: the education workers' union organization of Abai region,
 * its nine branches (eight district committees and the Semey city organization) and their settlements.
 * Pure data: no I/O, no randomness.
 */

export const BRANCH_KEYS = [
  'abai',
  'aksuat',
  'ayagoz',
  'beskaragai',
  'borodulikha',
  'zharma',
  'kokpekti',
  'urdzhar',
  'semey',
] as const;
export type BranchKey = (typeof BRANCH_KEYS)[number];

/** Nominative and genitive forms of a name. */
export interface NameForms {
  nom: string;
  gen: string;
}

export interface Bilingual<T = string> {
  ru: T;
  kk: T;
}

export interface BranchPlace {
  key: BranchKey;
  /** The branch organization (district committee or the city organization). */
  name: Bilingual<NameForms>;
  /** How the seed brief's Facebook breakdown names the branch. */
  seedLabel: string;
  /** The branch's name in English, full and as the English UI's tables show it. */
  english: { name: string; short: string };
  /** District centre or city. */
  center: Bilingual;
  /** Settlements served by the branch, the centre first. */
  localities: readonly Bilingual[];
}

const place = (ru: string, kk: string = ru): Bilingual => ({ ru, kk });

/** A district committee in English: "Abai District Committee of the Union", shown as "Abai District". */
const districtEnglish = (district: string) => ({
  name: `${district} District Committee of the Union`,
  short: `${district} District`,
});

/** A district committee: ru «<adj> районный комитет профсоюза», kk «<name> аудандық кәсіподақ комитеті». */
const districtCommittee = (ruAdjNom: string, ruAdjGen: string, kkName: string): Bilingual<NameForms> => ({
  ru: {
    nom: `${ruAdjNom} районный комитет профсоюза`,
    gen: `${ruAdjGen} районного комитета профсоюза`,
  },
  kk: {
    nom: `${kkName} аудандық кәсіподақ комитеті`,
    gen: `${kkName} аудандық кәсіподақ комитетінің`,
  },
});

export const BRANCH_PLACES: readonly BranchPlace[] = [
  {
    key: 'abai',
    name: districtCommittee('Абайский', 'Абайского', 'Абай'),
    seedLabel: 'Абайская',
    english: districtEnglish('Abai'),
    center: place('Караул', 'Қарауыл'),
    localities: [
      place('Караул', 'Қарауыл'),
      place('Кайнар', 'Қайнар'),
      place('Саржал'),
      place('Медеу'),
      place('Архат'),
      place('Кундызды', 'Құндызды'),
      place('Токтамыс', 'Тоқтамыс'),
      place('Каскабулак', 'Қасқабұлақ'),
      place('Жидебай'),
      place('Кенгирбай би', 'Кеңгірбай би'),
    ],
  },
  {
    key: 'aksuat',
    name: districtCommittee('Аксуатский', 'Аксуатского', 'Ақсуат'),
    seedLabel: 'Аксуатская',
    english: districtEnglish('Aksuat'),
    center: place('Аксуат', 'Ақсуат'),
    localities: [
      place('Аксуат', 'Ақсуат'),
      place('Акжар', 'Ақжар'),
      place('Кокжыра', 'Көкжыра'),
      place('Кызылкесек', 'Қызылкесік'),
      place('Кумколь', 'Құмкөл'),
      place('Ойшилик', 'Ойшілік'),
      place('Ерназар'),
      place('Кызылкайын', 'Қызылқайың'),
      place('Алгабас', 'Алғабас'),
      place('Акжайлау', 'Ақжайлау'),
      place('Екпин', 'Екпін'),
    ],
  },
  {
    key: 'ayagoz',
    name: districtCommittee('Аягозский', 'Аягозского', 'Аягөз'),
    seedLabel: 'Аягозская',
    english: districtEnglish('Ayagoz'),
    center: place('Аягоз', 'Аягөз'),
    localities: [
      place('Аягоз', 'Аягөз'),
      place('Актогай', 'Ақтоғай'),
      place('Баршатас'),
      place('Мадениет', 'Мәдениет'),
      place('Акшатау', 'Ақшатау'),
      place('Кошкентал', 'Көшкентал'),
      place('Бидайык', 'Бидайық'),
      place('Тарбагатай', 'Тарбағатай'),
      place('Сарыарка', 'Сарыарқа'),
      place('Косагаш', 'Қосағаш'),
      place('Ортакшыл', 'Ортақшыл'),
    ],
  },
  {
    key: 'beskaragai',
    name: districtCommittee('Бескарагайский', 'Бескарагайского', 'Бесқарағай'),
    seedLabel: 'Бескарагайская',
    english: districtEnglish('Beskaragai'),
    center: place('Бескарагай', 'Бесқарағай'),
    localities: [
      place('Бескарагай', 'Бесқарағай'),
      place('Бегень', 'Беген'),
      place('Глуховка'),
      place('Долонь', 'Долон'),
      place('Канонерка'),
      place('Малая Владимировка'),
      place('Карабас', 'Қарабас'),
      place('Башкуль', 'Башкөл'),
      place('Жетижар', 'Жетіжар'),
      place('Черемушки'),
    ],
  },
  {
    key: 'borodulikha',
    name: districtCommittee('Бородулихинский', 'Бородулихинского', 'Бородулиха'),
    seedLabel: 'Бородулихинская',
    english: districtEnglish('Borodulikha'),
    center: place('Бородулиха'),
    localities: [
      place('Бородулиха'),
      place('Новая Шульба', 'Жаңа Шүлбі'),
      place('Белагаш', 'Белағаш'),
      place('Жерновка'),
      place('Переменовка'),
      place('Петропавловка'),
      place('Подборное'),
      place('Уба-Форпост'),
      place('Жезкент'),
      place('Новопокровка'),
      place('Коростели'),
      place('Дмитриевка'),
    ],
  },
  {
    key: 'zharma',
    name: districtCommittee('Жарминский', 'Жарминского', 'Жарма'),
    seedLabel: 'Жарминская',
    english: districtEnglish('Zharma'),
    center: place('Калбатау', 'Қалбатау'),
    localities: [
      place('Калбатау', 'Қалбатау'),
      place('Шар'),
      place('Жангизтобе', 'Жаңғызтөбе'),
      place('Ауэзов', 'Әуезов'),
      place('Акжал', 'Ақжал'),
      place('Суыкбулак', 'Суықбұлақ'),
      place('Жарма'),
      place('Ушбиик', 'Үшбиік'),
      place('Салкынтобе', 'Салқынтөбе'),
      place('Кезенсу'),
    ],
  },
  {
    key: 'kokpekti',
    name: districtCommittee('Кокпектинский', 'Кокпектинского', 'Көкпекті'),
    seedLabel: 'Кокпектинская',
    english: districtEnglish('Kokpekti'),
    center: place('Кокпекты', 'Көкпекті'),
    localities: [
      place('Кокпекты', 'Көкпекті'),
      place('Самарское', 'Самар'),
      place('Кулынжон', 'Құлынжон'),
      place('Улкен Бокен', 'Үлкен Бөкен'),
      place('Теректы', 'Теректі'),
      place('Шугылбай', 'Шұғылбай'),
      place('Тассай'),
      place('Мариногорка'),
      place('Ажа'),
      place('Кокжайык', 'Көкжайық'),
      place('Миролюбовка'),
    ],
  },
  {
    key: 'urdzhar',
    name: districtCommittee('Урджарский', 'Урджарского', 'Үржар'),
    seedLabel: 'Урджарская',
    english: districtEnglish('Urzhar'),
    center: place('Урджар', 'Үржар'),
    localities: [
      place('Урджар', 'Үржар'),
      place('Некрасовка'),
      place('Каракол', 'Қаракөл'),
      place('Егинсу', 'Егінсу'),
      place('Кабанбай', 'Қабанбай'),
      place('Бестерек'),
      place('Таскескен', 'Тасқескен'),
      place('Карабута', 'Қарабұта'),
      place('Науалы'),
      place('Алтыншокы', 'Алтыншоқы'),
      place('Коктерек', 'Көктерек'),
    ],
  },
  {
    key: 'semey',
    name: {
      ru: {
        nom: 'Семейская городская организация профсоюза',
        gen: 'Семейской городской организации профсоюза',
      },
      kk: {
        nom: 'Семей қалалық кәсіподақ ұйымы',
        gen: 'Семей қалалық кәсіподақ ұйымының',
      },
    },
    seedLabel: 'Городская организация',
    english: { name: 'Semey City Organization of the Union', short: 'City organization' },
    center: place('Семей'),
    // The city itself and the settlements around it that the city organization serves.
    localities: [
      place('Семей'),
      place('Шульбинск', 'Шүлбі'),
      place('Знаменка'),
      place('Озерки'),
      place('Букенчи', 'Бөкенші'),
      place('Абралы', 'Абыралы'),
      place('Приречное'),
      place('Новобаженово'),
      place('Айнабулак', 'Айнабұлақ'),
      place('Зенковка'),
    ],
  },
];

/** The region's and the union's names in English, full and short. */
export const REGION_NAME_EN = {
  name: "Abai Region Organization of the Education Workers' Union",
  short: 'Regional organization',
};
export const UNION_NAME_EN = {
  name: 'Kazakhstan Sectoral Union of Education and Science Workers',
  short: 'Sectoral union',
};

export const REGION_NAME: Bilingual<NameForms> = {
  ru: {
    nom: 'Областная организация профсоюза работников образования области Абай',
    gen: 'Областной организации профсоюза работников образования области Абай',
  },
  kk: {
    nom: 'Білім қызметкерлері кәсіподағының Абай облыстық ұйымы',
    gen: 'Білім қызметкерлері кәсіподағының Абай облыстық ұйымының',
  },
};

export const UNION_NAME: Bilingual<NameForms> = {
  ru: {
    nom: 'Казахстанский отраслевой профессиональный союз работников образования и науки',
    gen: 'Казахстанского отраслевого профессионального союза работников образования и науки',
  },
  kk: {
    nom: 'Білім және ғылым қызметкерлерінің қазақстандық салалық кәсіптік одағы',
    gen: 'Білім және ғылым қызметкерлерінің қазақстандық салалық кәсіптік одағының',
  },
};

/** Primary organizations reporting to the regional committee directly, not through a branch. */
export const DIRECT_PRIMARIES_LABEL: Bilingual = {
  ru: 'непосредственные ППО',
  kk: 'тікелей бағынатын БКҰ',
};

/**
 * Invented full names («Фамилия Имя Отчество»), in the Russian spelling used in union paperwork so that they
 * read naturally in texts of both languages. None belongs to a person named in the seed brief.
 */
export const PERSON_NAMES: readonly string[] = [
  'Кенжебаева Айгуль Сериковна',
  'Муканов Ерлан Болатович',
  'Жумабекова Гульнара Ахметовна',
  'Сапаров Нурлан Каиржанович',
  'Оспанова Динара Маратовна',
  'Тлеубергенов Асхат Муратович',
  'Ахметова Сауле Жумагалиевна',
  'Байжанов Ержан Толеуович',
  'Калиева Жанар Бахытовна',
  'Исабеков Мейрам Сагындыкович',
  'Нурланова Асель Ержановна',
  'Абдрахманов Талгат Кайратович',
  'Смагулова Гульмира Токтаровна',
  'Беков Арман Амангельдиевич',
  'Ермекова Алия Нурболатовна',
  'Шаймерденов Бауыржан Есенгельдыевич',
  'Кусаинова Роза Кабдулловна',
  'Токтаров Марат Серикбаевич',
  'Досымбекова Айнур Каирбековна',
  'Жакупов Серик Абаевич',
  'Рахимжанова Меруерт Айдаровна',
  'Омаров Аскар Жомартович',
  'Тулегенова Бибигуль Касымовна',
  'Сейтказин Ануар Бекенович',
  'Мухамедиева Карлыгаш Советовна',
  'Касымов Нуржан Ерболович',
  'Утебаева Лаура Кенесовна',
  'Жаксылыков Берик Турсынович',
  'Амирова Салтанат Муратовна',
  'Кабдрахманов Ербол Сабитович',
  'Есенова Гульжан Оразовна',
  'Бекмуратов Куаныш Маратович',
  'Сарсенбаева Жанна Кайроллаевна',
  'Нургалиев Айдос Бахытжанович',
  'Абенова Дана Ерлановна',
  'Мусин Тимур Асылбекович',
  'Ержанова Анар Булатовна',
  'Кожахметов Ринат Серикович',
  'Тусупбекова Айжан Маратовна',
  'Садыков Мурат Ермекович',
  'Бейсенова Улбосын Касеновна',
  'Жунусов Азамат Курмангалиевич',
  'Конырбаева Гаухар Абылкасымовна',
  'Маратов Канат Нурланович',
  'Иманбаева Сандугаш Жанатовна',
  'Тасболатов Ерлан Ерикович',
  'Альжанова Айым Болатовна',
  'Ахметжанов Ерсин Кадырович',
  'Бакирова Зарина Маратовна',
  'Сулейменова Жибек Амановна',
  'Дюсенов Олжас Бериккалиевич',
  'Петрова Ольга Викторовна',
  'Иванов Сергей Николаевич',
  'Кузнецова Татьяна Владимировна',
  'Попова Наталья Александровна',
  'Соколов Андрей Петрович',
  'Лебедева Елена Ивановна',
  'Новикова Ирина Сергеевна',
  'Федоров Дмитрий Алексеевич',
  'Морозова Светлана Геннадьевна',
  'Волкова Людмила Михайловна',
  'Шмидт Виктор Андреевич',
  'Ковальчук Галина Степановна',
  'Гончаренко Оксана Николаевна',
  'Белоусова Марина Юрьевна',
  'Хабибуллина Альфия Рашидовна',
  'Галиев Рустам Ильдарович',
];
