/**
 * Every word the brief writes around its numbers, in Russian and Kazakh. The record type makes a missing text a
 * compile error; a test checks that the Kazakh brief carries no Russian label.
 */
import type { ReportLang } from '../shared/vocabulary.js';

export interface BriefTexts {
  title: string;
  subtitle: string;
  period: string;
  signature: string;
  noData: string;
  total: string;
  yes: string;
  no: string;
  /** A year cut short by the period's end, e.g. "2024 (по 01.09)". */
  partialYear: string;
  headings: {
    organization: string;
    decisions: string;
    website: string;
    social: string;
    branches: string;
    materials: string;
    content: string;
    media: string;
    subscriptions: string;
    app: string;
    conclusions: string;
    /** The appendix: the rules, thresholds and records behind each conclusion. */
    grounds: string;
  };
  organization: {
    structure: string;
    direct: string;
    responsible: string;
    noResponsible: string;
    pressSecretary: string;
    noPressSecretary: string;
    staffCaption: string;
    name: string;
    position: string;
    infoResponsible: string;
  };
  decisions: {
    none: string;
    caption: string;
    date: string;
    body: string;
    number: string;
    decision: string;
    tasksCaption: string;
    task: string;
    due: string;
    status: string;
    summary: string;
  };
  website: { intro: string; caption: string; year: string; materials: string };
  social: {
    none: string;
    pagesCaption: string;
    page: string;
    platform: string;
    created: string;
    followers: string;
    reach: string;
    reachText: string;
    splitIntro: string;
    splitCaption: string;
    subject: string;
    chartTitle: string;
    direct: string;
  };
  branches: {
    caption: string;
    branch: string;
    present: string;
    absent: string;
    inactive: string;
    summary: string;
    without: string;
    activeNote: string;
  };
  materials: { none: string; intro: string; caption: string; title: string; kind: string; issued: string };
  content: {
    none: string;
    intro: string;
    topicsCaption: string;
    topic: string;
    posts: string;
    share: string;
    reposts: string;
    declarative: string;
    engagementFollowers: string;
    engagementViews: string;
    noViews: string;
    noFollowers: string;
    planCaption: string;
    planMetric: string;
    planPlanned: string;
    planExpected: string;
    planFact: string;
    planVerdict: string;
    planBehind: string;
    planOnTrack: string;
    planLeft: string;
    planOver: string;
  };
  media: {
    none: string;
    perYear: string;
    caption: string;
    level: string;
    outlet: string;
    chartTitle: string;
  };
  subscriptions: {
    none: string;
    caption: string;
    year: string;
    outlet: string;
    copies: string;
    leaders: string;
    leadersCaption: string;
    date: string;
    person: string;
    material: string;
    noLeaders: string;
  };
  app: {
    none: string;
    summary: string;
    caption: string;
    org: string;
    members: string;
    registered: string;
    share: string;
    active: string;
  };
  conclusions: {
    none: string;
    intro: string;
    rule: string;
    finding: string;
    recommendation: string;
    threshold: string;
    evidence: string;
    recommendations: string;
    /** Where the appendix gives a conclusion's grounds: `{n}` is its number there. */
    reference: string;
    groundsIntro: string;
  };
}

export const BRIEF_TEXTS: Readonly<Record<ReportLang, BriefTexts>> = {
  ru: {
    title: 'СПРАВКА',
    subtitle: 'о состоянии информационной работы',
    period: 'за период с {from} по {to}',
    signature: 'Сформировано системой aqparat по данным учёта на {date}',
    noData: 'Данных за период нет.',
    total: 'Всего',
    yes: 'да',
    no: 'нет',
    partialYear: '{year} (по {date})',
    headings: {
      organization: 'Организационная структура и кадры',
      decisions: 'Решения руководящих органов',
      website: 'Сайт отраслевого профсоюза',
      social: 'Социальные сети',
      branches: 'Информационные ресурсы филиалов',
      materials: 'Информационно-методические материалы',
      content: 'Качество информационных материалов',
      media: 'Средства массовой информации',
      subscriptions: 'Подписка на периодические издания и выступления руководителей',
      app: 'Мобильное приложение',
      conclusions: 'Выводы и рекомендации',
      grounds: 'Приложение. Основания выводов',
    },
    organization: {
      structure:
        '{org}: первичных профсоюзных организаций — {primaries}, филиалов — {branches}, членов профсоюза — {members} (на {date}).',
      direct: 'Первичных организаций в непосредственном подчинении — {direct}.',
      responsible: 'Ответственные за информационную работу: {people}.',
      noResponsible: 'Персонально ответственный за информационную работу не определён.',
      pressSecretary: 'Штатная единица пресс-секретаря имеется: {people}.',
      noPressSecretary: 'Штатной единицы пресс-секретаря нет.',
      staffCaption: 'Сотрудники аппарата',
      name: 'Ф. И. О.',
      position: 'Должность',
      infoResponsible: 'Ответственный за информационную работу',
    },
    decisions: {
      none: 'За период решения руководящих органов не зарегистрированы.',
      caption: 'Решения руководящих органов',
      date: 'Дата',
      body: 'Орган',
      number: '№',
      decision: 'Решение',
      tasksCaption: 'Исполнение задач на {date}',
      task: 'Задача',
      due: 'Срок',
      status: 'Состояние',
      summary: 'Задач по решениям — {tasks}, выполнено — {done}, просрочено — {overdue}.',
    },
    website: {
      intro: 'Опубликовано материалов организации на сайте отраслевого профсоюза за период: {total}.',
      caption: 'Материалы на сайте отраслевого профсоюза по годам',
      year: 'Год',
      materials: 'Материалов',
    },
    social: {
      none: 'Официальных страниц в социальных сетях у организации нет.',
      pagesCaption: 'Официальные страницы в социальных сетях',
      page: 'Страница',
      platform: 'Платформа',
      created: 'Создана',
      followers: 'Подписчиков',
      reach: 'Охват, % от численности',
      reachText:
        'Подписчиков официальных страниц на {date} — {followers} при численности членов профсоюза {members}: охват {reach}.',
      splitIntro: 'Материалы официальных страниц по субъектам: {years}.',
      splitCaption: 'Материалы официальных страниц по годам и организациям',
      subject: 'Организация',
      chartTitle: 'Материалы официальных страниц по организациям',
      direct: 'Непосредственные ППО',
    },
    branches: {
      caption: 'Страницы филиалов в социальных сетях',
      branch: 'Филиал',
      present: 'есть',
      absent: '—',
      inactive: 'неактивна',
      summary: 'Филиалов — {branches}, из них со страницами в социальных сетях — {present}.',
      without: 'Не имеют страниц: {orgs}.',
      activeNote: 'Страница считается активной, если публиковала материалы в течение {days} дней до {date}.',
    },
    materials: {
      none: 'Информационно-методические материалы за период не выпускались.',
      intro: 'Выпущено информационно-методических материалов за период: {count}.',
      caption: 'Информационно-методические материалы',
      title: 'Название',
      kind: 'Вид',
      issued: 'Дата выпуска',
    },
    content: {
      none: 'Публикаций в социальных сетях за период нет.',
      intro: 'Проанализировано публикаций в социальных сетях за период: {posts}.',
      topicsCaption: 'Тематика публикаций',
      topic: 'Тема',
      posts: 'Публикаций',
      share: 'Доля',
      reposts:
        'Собственных материалов — {originals} ({originalShare}), репостов из других источников — {reposts} ({repostShare}).',
      declarative: 'Материалов общего, декларативного характера — {declarative} из {judged} ({share}).',
      engagementFollowers:
        'Вовлечённость по подписчикам (среднее по публикациям отношение суммы реакций, комментариев и репостов к числу подписчиков страницы на {date}) — {value}; учтено публикаций: {posts}.',
      engagementViews:
        'Вовлечённость по просмотрам (сумма реакций, комментариев и репостов, делённая на сумму просмотров публикаций с известным числом просмотров) — {value}; учтено публикаций: {posts}.',
      noViews: 'Число просмотров публикаций в социальных сетях не известно.',
      noFollowers: 'Число подписчиков страниц не известно: вовлечённость по подписчикам не рассчитана.',
      planCaption: 'План и факт за период',
      planMetric: 'Показатель',
      planPlanned: 'План на период',
      planExpected: 'По плану к {date}',
      planFact: 'Факт',
      planVerdict: 'Оценка',
      planBehind: 'отстаёт от плана',
      planOnTrack: 'по плану',
      planLeft:
        'Цели — годовые цели организации, пересчитанные на период; до конца периода осталось дней: {days}.',
      planOver: 'Цели — годовые цели организации, пересчитанные на период; период завершён.',
    },
    media: {
      none: 'Публикаций в СМИ за период не зарегистрировано.',
      perYear: 'В {year} году — {count}.',
      caption: 'Публикации в СМИ по годам и изданиям',
      level: 'Уровень',
      outlet: 'Издание',
      chartTitle: 'Публикации в СМИ по годам',
    },
    subscriptions: {
      none: 'Данных о подписке на периодические издания нет.',
      caption: 'Подписка на периодические издания',
      year: 'Год',
      outlet: 'Издание',
      copies: 'Экземпляров',
      leaders: 'Выступления руководителей в СМИ: {count}.',
      leadersCaption: 'Выступления руководителей в СМИ',
      date: 'Дата',
      person: 'Руководитель',
      material: 'Материал',
      noLeaders: 'Выступления руководителей в СМИ не зарегистрированы.',
    },
    app: {
      none: 'Данных об использовании мобильного приложения нет.',
      summary:
        'Зарегистрировано в мобильном приложении членов профсоюза: {registered} из {members} ({share}).',
      caption: 'Использование мобильного приложения',
      org: 'Организация',
      members: 'Членов профсоюза',
      registered: 'Зарегистрировано',
      share: 'Доля',
      active: 'Активных',
    },
    conclusions: {
      none: 'Правила не выявили недостатков.',
      intro: 'По данным учёта за период сделаны следующие выводы; их основания приведены в приложении.',
      rule: 'Правило',
      finding: 'Вывод',
      recommendation: 'Рекомендация',
      threshold: 'Порог',
      evidence: 'Основание',
      recommendations: 'В связи с вышеизложенным необходимо:',
      reference: 'Основания — в приложении, п. {n}.',
      groundsIntro:
        'Каждый вывод справки сделан по правилу: данные сравнены с порогом, заданным в настройках. Ниже для каждого вывода указаны правило, порог и записи, на которых он основан.',
    },
  },
  kk: {
    title: 'АНЫҚТАМА',
    subtitle: 'ақпараттық жұмыстың жай-күйі туралы',
    period: '{from} – {to} кезеңі',
    signature: 'aqparat жүйесі {date} күнгі есеп деректері бойынша жасады',
    noData: 'Кезеңде деректер жоқ.',
    total: 'Барлығы',
    yes: 'иә',
    no: 'жоқ',
    partialYear: '{year} ({date} дейін)',
    headings: {
      organization: 'Ұйымдық құрылым және кадрлар',
      decisions: 'Басшы органдардың шешімдері',
      website: 'Салалық кәсіподақтың сайты',
      social: 'Әлеуметтік желілер',
      branches: 'Филиалдардың ақпараттық ресурстары',
      materials: 'Ақпараттық-әдістемелік материалдар',
      content: 'Ақпараттық материалдардың сапасы',
      media: 'Бұқаралық ақпарат құралдары',
      subscriptions: 'Мерзімді басылымдарға жазылу және басшылардың сөз сөйлеуі',
      app: 'Мобильді қосымша',
      conclusions: 'Қорытындылар мен ұсыныстар',
      grounds: 'Қосымша. Қорытындылардың негіздері',
    },
    organization: {
      structure:
        '{org} құрамында {primaries} бастауыш кәсіподақ ұйымы, {branches} филиал бар, мүшелер саны — {members} адам ({date} жағдай бойынша).',
      direct: 'Тікелей бағынатын бастауыш ұйымдар — {direct}.',
      responsible: 'Ақпараттық жұмысқа жауаптылар: {people}.',
      noResponsible: 'Ақпараттық жұмысқа жеке жауапты адам анықталмаған.',
      pressSecretary: 'Баспасөз хатшысының штаттық бірлігі бар: {people}.',
      noPressSecretary: 'Баспасөз хатшысының штаттық бірлігі жоқ.',
      staffCaption: 'Аппарат қызметкерлері',
      name: 'Т. А. Ә.',
      position: 'Лауазымы',
      infoResponsible: 'Ақпараттық жұмысқа жауапты',
    },
    decisions: {
      none: 'Кезеңде басшы органдардың шешімдері тіркелмеген.',
      caption: 'Басшы органдардың шешімдері',
      date: 'Күні',
      body: 'Орган',
      number: '№',
      decision: 'Шешім',
      tasksCaption: '{date} күнгі міндеттердің орындалуы',
      task: 'Міндет',
      due: 'Мерзімі',
      status: 'Жағдайы',
      summary: 'Шешімдер бойынша міндеттер — {tasks}, орындалғаны — {done}, мерзімі өткені — {overdue}.',
    },
    website: {
      intro: 'Салалық кәсіподақтың сайтында кезеңде ұйымның {total} материалы жарияланды.',
      caption: 'Салалық кәсіподақ сайтындағы материалдар жылдар бойынша',
      year: 'Жыл',
      materials: 'Материалдар',
    },
    social: {
      none: 'Ұйымның әлеуметтік желілерде ресми парақшалары жоқ.',
      pagesCaption: 'Әлеуметтік желілердегі ресми парақшалар',
      page: 'Парақша',
      platform: 'Платформа',
      created: 'Ашылған күні',
      followers: 'Жазылушылар',
      reach: 'Қамту, мүшелер санынан %',
      reachText:
        '{date} жағдай бойынша ресми парақшалардың жазылушылары — {followers} адам, кәсіподақ мүшелері — {members}: қамту {reach}.',
      splitIntro: 'Ресми парақшалардың материалдары субъектілер бойынша: {years}.',
      splitCaption: 'Ресми парақшалардың материалдары жылдар мен ұйымдар бойынша',
      subject: 'Ұйым',
      chartTitle: 'Ресми парақшалардың материалдары ұйымдар бойынша',
      direct: 'Тікелей бағынатын БКҰ',
    },
    branches: {
      caption: 'Филиалдардың әлеуметтік желілердегі парақшалары',
      branch: 'Филиал',
      present: 'бар',
      absent: '—',
      inactive: 'белсенді емес',
      summary: '{branches} филиалдың {present} филиалының әлеуметтік желілерде парақшасы бар.',
      without: 'Парақшасы жоқтар: {orgs}.',
      activeNote: '{date} дейінгі {days} күнде материал жариялаған парақша белсенді деп саналады.',
    },
    materials: {
      none: 'Кезеңде ақпараттық-әдістемелік материалдар шығарылмаған.',
      intro: 'Кезеңде {count} ақпараттық-әдістемелік материал шығарылды.',
      caption: 'Ақпараттық-әдістемелік материалдар',
      title: 'Атауы',
      kind: 'Түрі',
      issued: 'Шыққан күні',
    },
    content: {
      none: 'Кезеңде әлеуметтік желілерде жарияланымдар жоқ.',
      intro: 'Кезеңдегі әлеуметтік желілердегі {posts} жарияланым талданды.',
      topicsCaption: 'Жарияланымдардың тақырыптары',
      topic: 'Тақырып',
      posts: 'Жарияланымдар',
      share: 'Үлесі',
      reposts:
        'Өз материалдары — {originals} ({originalShare}), басқа дереккөздерден репост — {reposts} ({repostShare}).',
      declarative:
        'Жалпы, декларативті сипаттағы материалдар — {judged} материалдың {declarative} ({share}).',
      engagementFollowers:
        'Жазылушылар бойынша тартылу (реакциялар, пікірлер және репосттар қосындысының {date} күнгі парақша жазылушылары санына қатынасының жарияланымдар бойынша орташасы) — {value}; ескерілген жарияланымдар: {posts}.',
      engagementViews:
        'Қаралымдар бойынша тартылу (реакциялар, пікірлер және репосттар қосындысы қаралым саны белгілі жарияланымдардың қаралымдар қосындысына бөлінеді) — {value}; ескерілген жарияланымдар: {posts}.',
      noViews: 'Әлеуметтік желілердегі жарияланымдардың қаралым саны белгісіз.',
      noFollowers: 'Парақшалардың жазылушылар саны белгісіз: жазылушылар бойынша тартылу есептелмеді.',
      planCaption: 'Кезеңдегі жоспар мен факт',
      planMetric: 'Көрсеткіш',
      planPlanned: 'Кезеңге жоспар',
      planExpected: '{date} дейін жоспар бойынша',
      planFact: 'Факт',
      planVerdict: 'Бағасы',
      planBehind: 'жоспардан қалып барады',
      planOnTrack: 'жоспар бойынша',
      planLeft:
        'Мақсаттар — ұйымның жылдық мақсаттары, кезеңге қайта есептелген; кезеңнің аяғына дейін {days} күн қалды.',
      planOver: 'Мақсаттар — ұйымның жылдық мақсаттары, кезеңге қайта есептелген; кезең аяқталды.',
    },
    media: {
      none: 'Кезеңде БАҚ-та жарияланымдар тіркелмеген.',
      perYear: '{year} жылы — {count}.',
      caption: 'БАҚ-тағы жарияланымдар жылдар мен басылымдар бойынша',
      level: 'Деңгейі',
      outlet: 'Басылым',
      chartTitle: 'БАҚ-тағы жарияланымдар жылдар бойынша',
    },
    subscriptions: {
      none: 'Мерзімді басылымдарға жазылу туралы деректер жоқ.',
      caption: 'Мерзімді басылымдарға жазылу',
      year: 'Жыл',
      outlet: 'Басылым',
      copies: 'Дана',
      leaders: 'Басшылардың БАҚ-тағы сөз сөйлеулері: {count}.',
      leadersCaption: 'Басшылардың БАҚ-тағы сөз сөйлеулері',
      date: 'Күні',
      person: 'Басшы',
      material: 'Материал',
      noLeaders: 'Басшылардың БАҚ-тағы сөз сөйлеулері тіркелмеген.',
    },
    app: {
      none: 'Мобильді қосымшаны пайдалану туралы деректер жоқ.',
      summary: 'Мобильді қосымшада {members} кәсіподақ мүшесінің {registered} тіркелген ({share}).',
      caption: 'Мобильді қосымшаны пайдалану',
      org: 'Ұйым',
      members: 'Кәсіподақ мүшелері',
      registered: 'Тіркелгендер',
      share: 'Үлесі',
      active: 'Белсенділер',
    },
    conclusions: {
      none: 'Ережелер кемшіліктерді анықтаған жоқ.',
      intro:
        'Кезеңдегі есеп деректері бойынша мынадай қорытындылар жасалды; олардың негіздері қосымшада келтірілген.',
      rule: 'Ереже',
      finding: 'Қорытынды',
      recommendation: 'Ұсыныс',
      threshold: 'Шегі',
      evidence: 'Негізі',
      recommendations: 'Жоғарыда айтылғандарға байланысты:',
      reference: 'Негіздері — қосымшада, {n}-тармақ.',
      groundsIntro:
        'Анықтаманың әр қорытындысы ереже бойынша жасалды: деректер баптауларда берілген шекпен салыстырылды. Төменде әр қорытындының ережесі, шегі және негізделген жазбалары көрсетілген.',
    },
  },
};
