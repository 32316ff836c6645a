/** How the vocabulary's words read in each language: platforms, topics, outlet levels, bodies, statuses. */
import type {
  GoverningBody,
  ImportFormat,
  MaterialKind,
  MentionKind,
  OutletLevel,
  Platform,
  TargetMetric,
  TaskStatus,
  Topic,
  UiLang,
} from './vocabulary.js';
import { monthlyTargetPlatform } from './vocabulary.js';

type Labels<K extends string> = Readonly<Record<UiLang, Readonly<Record<K, string>>>>;

export const PLATFORM_LABELS: Labels<Platform> = {
  ru: {
    website: 'Сайт',
    facebook: 'Facebook',
    instagram: 'Instagram',
    telegram: 'Telegram',
    youtube: 'YouTube',
    tiktok: 'TikTok',
    vk: 'ВКонтакте',
    whatsapp: 'WhatsApp',
    mobile_app: 'Мобильное приложение',
    other: 'Другое',
  },
  kk: {
    website: 'Сайт',
    facebook: 'Facebook',
    instagram: 'Instagram',
    telegram: 'Telegram',
    youtube: 'YouTube',
    tiktok: 'TikTok',
    vk: 'ВКонтакте',
    whatsapp: 'WhatsApp',
    mobile_app: 'Мобильді қосымша',
    other: 'Басқа',
  },
  en: {
    website: 'Website',
    facebook: 'Facebook',
    instagram: 'Instagram',
    telegram: 'Telegram',
    youtube: 'YouTube',
    tiktok: 'TikTok',
    vk: 'VK',
    whatsapp: 'WhatsApp',
    mobile_app: 'Mobile app',
    other: 'Other',
  },
};

export const TOPIC_LABELS: Labels<Topic> = {
  ru: {
    legal: 'Правовая защита',
    pay: 'Оплата труда',
    safety: 'Охрана труда',
    partnership: 'Социальное партнёрство',
    organizational: 'Организационная работа',
    social: 'Социальная сфера, культура и спорт',
    youth: 'Молодёжь',
    info: 'Информационная работа',
    sector: 'Новости отраслевого профсоюза',
    other: 'Прочее',
  },
  kk: {
    legal: 'Құқықтық қорғау',
    pay: 'Еңбекақы',
    safety: 'Еңбекті қорғау',
    partnership: 'Әлеуметтік әріптестік',
    organizational: 'Ұйымдастыру жұмысы',
    social: 'Әлеуметтік сала, мәдениет және спорт',
    youth: 'Жастар',
    info: 'Ақпараттық жұмыс',
    sector: 'Салалық кәсіподақ жаңалықтары',
    other: 'Басқа',
  },
  en: {
    legal: 'Legal protection',
    pay: 'Wages and labour',
    safety: 'Occupational safety',
    partnership: 'Social partnership',
    organizational: 'Organizational work',
    social: 'Social, culture and sport',
    youth: 'Youth',
    info: 'Information work',
    sector: 'Sector union news',
    other: 'Other',
  },
};

export const OUTLET_LEVEL_LABELS: Labels<OutletLevel> = {
  ru: { republican: 'Республиканские', regional: 'Областные', district: 'Районные' },
  kk: { republican: 'Республикалық', regional: 'Облыстық', district: 'Аудандық' },
  en: { republican: 'Republican', regional: 'Regional', district: 'District' },
};

export const BODY_LABELS: Labels<GoverningBody> = {
  ru: {
    executive_committee: 'Исполнительный комитет',
    presidium: 'Президиум',
    plenum: 'Пленум',
    conference: 'Конференция',
  },
  kk: {
    executive_committee: 'Атқару комитеті',
    presidium: 'Төралқа',
    plenum: 'Пленум',
    conference: 'Конференция',
  },
  en: {
    executive_committee: 'Executive Committee',
    presidium: 'Presidium',
    plenum: 'Plenum',
    conference: 'Conference',
  },
};

export const TASK_STATUS_LABELS: Labels<TaskStatus | 'overdue'> = {
  ru: { open: 'В работе', done: 'Выполнено', cancelled: 'Отменено', overdue: 'Просрочено' },
  kk: { open: 'Орындалуда', done: 'Орындалды', cancelled: 'Күші жойылды', overdue: 'Мерзімі өтті' },
  en: { open: 'Open', done: 'Done', cancelled: 'Cancelled', overdue: 'Overdue' },
};

export const MATERIAL_KIND_LABELS: Labels<MaterialKind> = {
  ru: { manual: 'Пособие', brochure: 'Брошюра', recommendation: 'Рекомендации' },
  kk: { manual: 'Құрал', brochure: 'Кітапша', recommendation: 'Ұсынымдар' },
  en: { manual: 'Manual', brochure: 'Brochure', recommendation: 'Recommendations' },
};

export const MENTION_KIND_LABELS: Labels<MentionKind> = {
  ru: { article: 'Статья', interview: 'Интервью', speech: 'Выступление', news: 'Новость' },
  kk: { article: 'Мақала', interview: 'Сұхбат', speech: 'Сөз сөйлеу', news: 'Жаңалық' },
  en: { article: 'Article', interview: 'Interview', speech: 'Speech', news: 'News' },
};

/** A target's metric other than posts a month on a platform, which reads by its own pattern. */
type NamedTargetMetric = Exclude<TargetMetric, `posts_month_${string}`>;

const TARGET_METRIC_LABELS: Labels<NamedTargetMetric | 'posts_month'> = {
  ru: {
    publications: 'Публикации',
    followers: 'Подписчики',
    reach: 'Охват',
    media_mentions: 'Упоминания в СМИ',
    app_registered: 'Регистрации в приложении',
    legal_share: 'Правозащита',
    concrete_share: 'Конкретные посты',
    branch_posts: 'Посты о филиалах',
    posts_month: 'Посты в {platform} за месяц',
  },
  kk: {
    publications: 'Жарияланымдар',
    followers: 'Жазылушылар',
    reach: 'Қамту',
    media_mentions: 'БАҚ-тағы аталымдар',
    app_registered: 'Қосымшадағы тіркелулер',
    legal_share: 'Құқықтық қорғау',
    concrete_share: 'Нақты жазбалар',
    branch_posts: 'Филиалдар туралы жазбалар',
    posts_month: '{platform} жазбалары бір айда',
  },
  en: {
    publications: 'Publications',
    followers: 'Followers',
    reach: 'Reach',
    media_mentions: 'Media mentions',
    app_registered: 'App registrations',
    legal_share: 'Legal protection',
    concrete_share: 'Concrete posts',
    branch_posts: 'Posts about branches',
    posts_month: 'Posts on {platform} a month',
  },
};

/** How a target's metric reads: "Правозащита", "Посты в Facebook за месяц"; an unknown one as it is stored. */
export function targetMetricLabel(metric: string, lang: UiLang): string {
  const labels: Readonly<Record<string, string>> = TARGET_METRIC_LABELS[lang];
  const platform = monthlyTargetPlatform(metric);
  if (platform)
    return TARGET_METRIC_LABELS[lang].posts_month.replace('{platform}', PLATFORM_LABELS[lang][platform]);
  return labels[metric] ?? metric;
}

/** Where an import's records came from, as the import history names it. */
export const IMPORT_FORMAT_LABELS: Labels<ImportFormat> = {
  ru: {
    telegram: 'Экспорт Telegram Desktop',
    facebook: 'Экспорт Facebook',
    instagram: 'Экспорт Instagram',
    feed: 'Лента RSS или Atom',
    spreadsheet: 'Таблица Excel или CSV',
    'telegram-web': 'Сбор со страницы t.me',
    'facebook-graph': 'Сбор через Graph API Facebook',
    'instagram-graph': 'Сбор через Graph API Instagram',
    'website-feed': 'Сбор ленты сайта',
    'wordpress-api': 'Сбор через API WordPress',
    'youtube-feed': 'Сбор ленты YouTube',
    'telegram-bot': 'Сбор ботом Telegram',
  },
  kk: {
    telegram: 'Telegram Desktop экспорты',
    facebook: 'Facebook экспорты',
    instagram: 'Instagram экспорты',
    feed: 'RSS не Atom таспасы',
    spreadsheet: 'Excel не CSV кестесі',
    'telegram-web': 't.me бетінен жинау',
    'facebook-graph': 'Facebook Graph API арқылы жинау',
    'instagram-graph': 'Instagram Graph API арқылы жинау',
    'website-feed': 'Сайт таспасын жинау',
    'wordpress-api': 'WordPress API арқылы жинау',
    'youtube-feed': 'YouTube таспасын жинау',
    'telegram-bot': 'Telegram ботымен жинау',
  },
  en: {
    telegram: 'Telegram Desktop export',
    facebook: 'Facebook export',
    instagram: 'Instagram export',
    feed: 'RSS or Atom feed',
    spreadsheet: 'Excel or CSV spreadsheet',
    'telegram-web': 'Collected from t.me',
    'facebook-graph': 'Collected through Facebook’s Graph API',
    'instagram-graph': 'Collected through Instagram’s Graph API',
    'website-feed': 'Collected from a site’s feed',
    'wordpress-api': 'Collected through the WordPress API',
    'youtube-feed': 'Collected from a YouTube feed',
    'telegram-bot': 'Collected by a Telegram bot',
  },
};

/** An import's source in words; a format this version does not know, as it is stored. */
export function importFormatLabel(format: string, lang: UiLang): string {
  const labels: Readonly<Record<string, string>> = IMPORT_FORMAT_LABELS[lang];
  return labels[format] ?? format;
}
