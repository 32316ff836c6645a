/**
 * What each rule says when it fires, in Russian, Kazakh and English (the brief is Russian or Kazakh; the web
 * application speaks all three): a title, the finding with its numbers, and the recommendation. `{name}` is a
 * value of the finding, formatted for the language.
 */
import type { RuleIdName } from './finding.js';
import type { UiLang } from './vocabulary.js';

export interface RuleText {
  title: string;
  finding: string;
  recommendation: string;
}

/**
 * How a finding closes with the threshold it was judged by, the same in every rule: the brief's body leaves it out
 * (describeFinding) and states the thresholds in its appendix.
 */
export const THRESHOLD_CLAUSE: Readonly<Record<UiLang, string>> = {
  ru: '; порог — {threshold}',
  kk: '; шегі — {threshold}',
  en: '; threshold: {threshold}',
};

export const RULE_TEXTS: Readonly<Record<UiLang, Readonly<Record<RuleIdName, RuleText>>>> = {
  ru: {
    low_reach: {
      title: 'Низкий охват аудитории',
      finding:
        'Подписчиков официальных страниц — {followers}, это {reach} от численности членов профсоюза ({members}); порог — {threshold}.',
      recommendation: 'Провести работу над увеличением количества подписчиков.',
    },
    platform_missing: {
      title: 'Нет страниц в социальных сетях: {platforms}',
      finding: 'Без своей страницы — {missing}.',
      recommendation: 'Создать иные страницы социальных сетей: {platforms}.',
    },
    legal_share_low: {
      title: 'Мало материалов по правовой защите',
      finding: 'Материалов по правовой защите — {count} из {posts} ({share}); порог — {threshold}.',
      recommendation:
        'Акцентировать внимание на проведении семинаров на правовую тему и освещении правозащитной работы.',
    },
    declarative_dominant: {
      title: 'Преобладают материалы общего, декларативного характера',
      finding: 'Декларативных материалов — {count} из {judged} ({share}); порог — {threshold}.',
      recommendation: 'Усилить внимание на содержание контента: конкретные факты, цифры, результаты.',
    },
    reposts_dominant: {
      title: 'Много репостов из других источников',
      finding: 'Репостов — {count} из {posts} ({share}); порог — {threshold}.',
      recommendation: 'Готовить собственные материалы о работе организации вместо репостов.',
    },
    branches_without_publications: {
      title: 'Филиалы без публикаций',
      finding: 'Нет публикаций за период: {orgs}.',
      recommendation: 'Обеспечить регулярное освещение работы этих филиалов.',
    },
    no_info_responsible: {
      title: 'Не определён ответственный за информационную работу',
      finding: 'Ни один сотрудник организации не отмечен ответственным за информационную работу.',
      recommendation: 'Определить персонально ответственного специалиста по информационной работе.',
    },
    media_coverage_falling: {
      title: 'Снижается освещение в СМИ',
      finding:
        'Публикаций в СМИ в {year} году — {count}, в {previousYear} году — {previous} (меньше на {drop}); порог — {threshold}.',
      recommendation: 'Активнее взаимодействовать с республиканскими, областными и районными СМИ.',
    },
    app_adoption_low: {
      title: 'Мобильное приложение используется мало',
      finding:
        'Зарегистрировано в приложении: {registered} из {members} членов профсоюза ({share}); порог — {threshold}.',
      recommendation:
        'Провести разъяснительную работу по использованию мобильного приложения в первичных организациях.',
    },
    overdue_tasks: {
      title: 'Просрочены задачи по решениям',
      finding: 'Не выполнено в срок задач по решениям руководящих органов: {count}.',
      recommendation: 'Рассмотреть исполнение ранее принятых решений и установить новые сроки.',
    },
    collection_stale: {
      title: 'Данные каналов давно не собирались',
      finding: 'Нет успешного автоматического сбора больше {days} дн.: {channels}.',
      recommendation:
        'Проверить на странице «Страницы и каналы» адреса и токены доступа этих каналов, устранить ошибку и собрать данные заново.',
    },
  },
  kk: {
    low_reach: {
      title: 'Аудиторияны қамту төмен',
      finding:
        'Ресми парақшалардың жазылушылары — {followers}, бұл кәсіподақ мүшелері санының ({members}) {reach}; шегі — {threshold}.',
      recommendation: 'Жазылушылар санын арттыру бойынша жұмыс жүргізу.',
    },
    platform_missing: {
      title: 'Әлеуметтік желілерде парақшалар жоқ: {platforms}',
      finding: 'Өз парақшасы жоқ — {missing}.',
      recommendation: 'Әлеуметтік желілерде басқа парақшалар ашу: {platforms}.',
    },
    legal_share_low: {
      title: 'Құқықтық қорғау туралы материалдар аз',
      finding:
        'Құқықтық қорғау туралы материалдар — {posts} материалдың {count} ({share}); шегі — {threshold}.',
      recommendation:
        'Құқықтық тақырыптағы семинарларды өткізуге және құқық қорғау жұмысын жариялауға баса назар аудару.',
    },
    declarative_dominant: {
      title: 'Жалпы, декларативті сипаттағы материалдар басым',
      finding: 'Декларативті материалдар — {judged} материалдың {count} ({share}); шегі — {threshold}.',
      recommendation: 'Контенттің мазмұнына көбірек көңіл бөлу: нақты деректер, сандар, нәтижелер.',
    },
    reposts_dominant: {
      title: 'Басқа дереккөздерден репост көп',
      finding: 'Репост — {posts} материалдың {count} ({share}); шегі — {threshold}.',
      recommendation: 'Репосттың орнына ұйым жұмысы туралы өз материалдарын дайындау.',
    },
    branches_without_publications: {
      title: 'Жарияланымы жоқ филиалдар',
      finding: 'Кезеңде жарияланымдары жоқ: {orgs}.',
      recommendation: 'Бұл филиалдардың жұмысын тұрақты жариялауды қамтамасыз ету.',
    },
    no_info_responsible: {
      title: 'Ақпараттық жұмысқа жауапты адам анықталмаған',
      finding: 'Ұйымның бірде-бір қызметкері ақпараттық жұмысқа жауапты ретінде белгіленбеген.',
      recommendation: 'Ақпараттық жұмыс бойынша жеке жауапты маманды анықтау.',
    },
    media_coverage_falling: {
      title: 'БАҚ-та жариялау азаюда',
      finding:
        '{year} жылы БАҚ-тағы жарияланымдар — {count}, {previousYear} жылы — {previous} ({drop} азайды); шегі — {threshold}.',
      recommendation: 'Республикалық, облыстық және аудандық БАҚ-пен белсендірек жұмыс істеу.',
    },
    app_adoption_low: {
      title: 'Мобильді қосымша аз қолданылады',
      finding:
        'Қосымшада {members} кәсіподақ мүшесінің {registered} тіркелген ({share}); шегі — {threshold}.',
      recommendation: 'Бастауыш ұйымдарда мобильді қосымшаны пайдалану бойынша түсіндіру жұмысын жүргізу.',
    },
    overdue_tasks: {
      title: 'Шешімдер бойынша міндеттер мерзімінен кешіктірілген',
      finding: 'Басшы органдар шешімдері бойынша мерзімінде орындалмаған міндеттер: {count}.',
      recommendation: 'Бұрын қабылданған шешімдердің орындалуын қарап, жаңа мерзімдер белгілеу.',
    },
    collection_stale: {
      title: 'Арналардың деректері көптен бері жиналмаған',
      finding: '{days} күннен астам автоматты жинау сәтті болмаған арналар: {channels}.',
      recommendation:
        '«Парақшалар мен арналар» бетінде бұл арналардың мекенжайлары мен қолжетімділік токендерін тексеріп, қатені түзетіп, деректерді қайта жинау.',
    },
  },
  en: {
    low_reach: {
      title: 'Low audience reach',
      finding:
        'The official pages have {followers} followers, {reach} of the union’s membership ({members}); threshold: {threshold}.',
      recommendation: 'Work on increasing the number of followers.',
    },
    platform_missing: {
      title: 'No pages on social networks: {platforms}',
      finding: 'Without a page of their own — {missing}.',
      recommendation: 'Open pages on the other social networks: {platforms}.',
    },
    legal_share_low: {
      title: 'Few materials on legal protection',
      finding: 'Materials on legal protection: {count} of {posts} ({share}); threshold: {threshold}.',
      recommendation: 'Hold seminars on legal topics and report on the union’s legal protection work.',
    },
    declarative_dominant: {
      title: 'General, declarative materials prevail',
      finding: 'Declarative materials: {count} of {judged} ({share}); threshold: {threshold}.',
      recommendation: 'Give the content more substance: concrete facts, figures, results.',
    },
    reposts_dominant: {
      title: 'Many reposts from other sources',
      finding: 'Reposts: {count} of {posts} ({share}); threshold: {threshold}.',
      recommendation: 'Prepare the organization’s own materials about its work instead of reposts.',
    },
    branches_without_publications: {
      title: 'Branches without publications',
      finding: 'No publications in the period: {orgs}.',
      recommendation: 'Ensure the work of these branches is covered regularly.',
    },
    no_info_responsible: {
      title: 'No one is responsible for information work',
      finding: 'No staff member of the organization is marked as responsible for information work.',
      recommendation: 'Appoint a specialist personally responsible for information work.',
    },
    media_coverage_falling: {
      title: 'Media coverage is falling',
      finding:
        'Media publications in {year}: {count}; in {previousYear}: {previous} ({drop} fewer); threshold: {threshold}.',
      recommendation: 'Work more actively with national, regional and district media.',
    },
    app_adoption_low: {
      title: 'The mobile app is little used',
      finding:
        'Registered in the app: {registered} of {members} union members ({share}); threshold: {threshold}.',
      recommendation: 'Explain the use of the mobile app in the primary organizations.',
    },
    overdue_tasks: {
      title: 'Tasks under decisions are overdue',
      finding: 'Tasks under the governing bodies’ decisions not done on time: {count}.',
      recommendation: 'Review how earlier decisions are carried out and set new deadlines.',
    },
    collection_stale: {
      title: 'Channels’ data have not been collected for long',
      finding: 'No successful automatic collection for more than {days} days: {channels}.',
      recommendation:
        'On the “Pages and channels” page, check these channels’ addresses and access tokens, fix the error and collect the data again.',
    },
  },
};
