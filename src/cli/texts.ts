/** What the CLI prints, in every UI language. */
import type { UiLang } from '../shared/vocabulary.js';

export const CLI_TEXTS = {
  ru: {
    subject: 'Субъект',
    publications: 'Публикаций',
    period: 'Период',
    total: 'Всего',
    directPrimaries: 'Непосредственные ППО',
    organization: 'Организация',
    platform: 'Платформа',
    channel: 'Канал',
    allPlatforms: 'все',
    migrated: 'Схема базы данных обновлена: {names}',
    upToDate: 'Схема базы данных актуальна',
    demoBuilt: 'Демо-данные области Абай созданы ({db})',
    demoPresent: 'Демо-данные уже есть, ничего не изменено ({db}); пересоздать: aqparat demo --reset',
    members:
      'Членов профсоюза на {date}: {members}; первичных организаций: {primaries}; филиалов: {branches}',
    followers: '{channel}: {followers} подписчиков на {date}, охват {reach} от численности',
    failed: 'Ошибка',
  },
  kk: {
    subject: 'Субъект',
    publications: 'Жарияланымдар',
    period: 'Кезең',
    total: 'Барлығы',
    directPrimaries: 'Тікелей бағынатын БКҰ',
    organization: 'Ұйым',
    platform: 'Платформа',
    channel: 'Арна',
    allPlatforms: 'барлығы',
    migrated: 'Дерекқор сұлбасы жаңартылды: {names}',
    upToDate: 'Дерекқор сұлбасы өзекті',
    demoBuilt: 'Абай облысының демо-деректері құрылды ({db})',
    demoPresent: 'Демо-деректер бар, ештеңе өзгертілмеді ({db}); қайта құру: aqparat demo --reset',
    members:
      '{date} күнгі кәсіподақ мүшелері: {members}; бастауыш ұйымдар: {primaries}; филиалдар: {branches}',
    followers: '{channel}: {date} күні {followers} жазылушы, қамту мүшелер санының {reach}',
    failed: 'Қате',
  },
  en: {
    subject: 'Subject',
    publications: 'Publications',
    period: 'Period',
    total: 'Total',
    directPrimaries: 'Primaries directly under the organization',
    organization: 'Organization',
    platform: 'Platform',
    channel: 'Channel',
    allPlatforms: 'all',
    migrated: 'Database schema updated: {names}',
    upToDate: 'Database schema is up to date',
    demoBuilt: 'Abai demo data built ({db})',
    demoPresent: 'Demo data already present, nothing changed ({db}); rebuild with: aqparat demo --reset',
    members:
      'Union members as of {date}: {members}; primary organizations: {primaries}; branches: {branches}',
    followers: '{channel}: {followers} followers as of {date}, reach {reach} of members',
    failed: 'Error',
  },
} as const satisfies Record<UiLang, Record<string, string>>;

export type CliText = keyof (typeof CLI_TEXTS)['ru'];
