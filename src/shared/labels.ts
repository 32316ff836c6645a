/** How the vocabulary's words read in each language: platforms, topics, outlet levels, bodies, statuses. */
import type {
  GoverningBody,
  MaterialKind,
  MentionKind,
  OutletLevel,
  Platform,
  TaskStatus,
  Topic,
  UiLang,
} from './vocabulary.js';

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
