/**
 * Descriptions of the commands and their options in Russian and Kazakh, by their English text as the commands
 * declare it; `{values}` stands for a list of values the English names (`one of: ru, kk, en`), kept as it is.
 */
export const HELP_TEXTS: Record<'ru' | 'kk', Record<string, string>> = {
  ru: {
    'information work of trade unions: records, measures, briefs':
      'информационная работа профсоюзов: учёт, показатели, справки',
    'SQLite file or postgres:// URL (default: DATABASE_URL, AQPARAT_DB, ./data/aqparat.sqlite)':
      'файл SQLite или адрес postgres:// (по умолчанию: DATABASE_URL, AQPARAT_DB, ./data/aqparat.sqlite)',
    'language of messages: {values}': 'язык сообщений: {values}',
    'one of: {values}': 'одно из: {values}',
    'print JSON': 'вывести JSON',
    'print JSON instead of a table': 'вывести JSON вместо таблицы',
    'first local date YYYY-MM-DD': 'первая местная дата ГГГГ-ММ-ДД',
    'last local date YYYY-MM-DD': 'последняя местная дата ГГГГ-ММ-ДД',
    'organization code, e.g. abai': 'код организации, например abai',
    'only this organization and the ones under it': 'только эта организация и подчинённые ей',
    'the channel': 'канал',
    'one channel': 'один канал',
    'bring the database schema up to date': 'обновить схему базы данных',
    'build the Abai demo data of the seed brief, or the whole country at scale (again with --reset)':
      'создать демо-данные области Абай из исходной справки или всей страны в полном объёме (заново — с --reset)',
    'delete the demo data and build it anew': 'удалить демо-данные и создать их заново',
    'region (the Abai brief) or national: {values}':
      'область (справка области Абай) или вся страна: {values}',
    'seed of the national data (the same seed builds the same data)':
      'зерно национальных данных (одно и то же зерно даёт одни и те же данные)',
    'publications of an organization subtree by subject organization or by period':
      'публикации поддерева организации по организациям-субъектам или по периодам',
    'first local date YYYY-MM-DD (default: everything up to --to)':
      'первая местная дата ГГГГ-ММ-ДД (по умолчанию: всё до --to)',
    'last local date YYYY-MM-DD (default: today)':
      'последняя местная дата ГГГГ-ММ-ДД (по умолчанию: сегодня)',
    'date of members and followers (default: --to, or today if it is later)':
      'дата численности членов и подписчиков (по умолчанию: --to или сегодня, если --to позже)',
    'subject, subject,platform (a column per platform) or one of: {values}':
      '«subject» (по организациям-субъектам), «subject,platform» (со столбцом на каждую площадку) или одно из: {values}',
    'branches of an organization ranked by publications per 1,000 members, reach, concrete and legal shares and growth of followers':
      'рейтинг филиалов организации: публикации на 1000 членов, охват, доли конкретных и правовых публикаций, прирост подписчиков',
    'organization code, e.g. abai (default: your own, or the top of the tree)':
      'код организации, например abai (по умолчанию: своя или верхняя в дереве)',
    'first local date YYYY-MM-DD (default: 1 January of the year of --to)':
      'первая местная дата ГГГГ-ММ-ДД (по умолчанию: 1 января года --to)',
    'last local date YYYY-MM-DD (default: 31 December of the year of --from)':
      'последняя местная дата ГГГГ-ММ-ДД (по умолчанию: 31 декабря года --from)',
    'the measure the rows are ordered by, one of: {values}':
      'показатель, по которому упорядочены строки, одно из: {values}',
    'build the demo data if absent, write the Abai brief (ru and kk) into a folder, start the server':
      'создать демо-данные, если их нет, записать справку области Абай (на русском и казахском) в папку и запустить сервер',
    'folder to write the brief into': 'папка для справки',
    'stop after writing the brief': 'остановиться после записи справки',
    'port to listen on (default: PORT or 8080)': 'порт сервера (по умолчанию: PORT или 8080)',
    'address to listen on': 'адрес, на котором сервер принимает соединения',
    'start the web server and its API (/api/v1, /api/docs)':
      'запустить веб-сервер и его API (/api/v1, /api/docs)',
    'users who sign in to the server': 'пользователи, входящие на сервер',
    'add a user; without --password one is asked for, or generated and printed once':
      'добавить пользователя; без --password пароль запрашивается или создаётся и выводится один раз',
    login: 'логин',
    'role: {values}': 'роль: {values}',
    'organization whose subtree the user works in (not needed for admin)':
      'организация, в поддереве которой работает пользователь (для администратора не нужна)',
    'password (at least 12 characters, not a common one)': 'пароль (не менее 12 знаков и не из самых частых)',
    'full name': 'полное имя',
    'set a new password; without --password one is asked for, or generated and printed once':
      'задать новый пароль; без --password он запрашивается или создаётся и выводится один раз',
    'new password (at least 12 characters, not a common one)':
      'новый пароль (не менее 12 знаков и не из самых частых)',
    'list the users': 'список пользователей',
    'write a copy of the whole database (safe while the server runs)':
      'записать копию всей базы данных (можно при работающем сервере)',
    'file to write': 'файл для записи',
    'replace the database with a backup (stop the server first)':
      'заменить базу данных резервной копией (сначала остановите сервер)',
    'backup file': 'файл резервной копии',
    'information channels of organizations': 'информационные каналы организаций',
    'register a channel of an organization': 'зарегистрировать канал организации',
    'list the channels with their codes, organizations and platforms':
      'список каналов с кодами, организациями и платформами',
    'only the channels of this organization and the ones under it':
      'только каналы этой организации и подчинённых ей',
    'the organization that owns the channel': 'организация, которой принадлежит канал',
    'a code of the channel, unique in the installation': 'код канала, уникальный в установке',
    "the channel's address": 'адрес канала',
    "the channel's name (default: its code)": 'название канала (по умолчанию: его код)',
    "set or clear a channel's access token for collecting; it is stored encrypted and never shown":
      'задать или удалить токен доступа канала для сбора; он хранится зашифрованным и никогда не показывается',
    'read the token from standard input (keeps it out of the shell history)':
      'прочитать токен со стандартного ввода (он не попадёт в историю команд)',
    'the token (it stays in the shell history: prefer --stdin)':
      'токен (он останется в истории команд: лучше --stdin)',
    "the token's expiry date, YYYY-MM-DD": 'дата окончания действия токена, ГГГГ-ММ-ДД',
    "remove the channel's token": 'удалить токен канала',
    'the organization tree': 'дерево организаций',
    'list the organizations with their codes, parents before children':
      'список организаций с кодами, вышестоящие перед подчинёнными',
    'import a Telegram, Facebook or Instagram export, a feed or a spreadsheet (file, folder, ZIP or URL)':
      'импортировать выгрузку Telegram, Facebook или Instagram, ленту новостей или таблицу (файл, папка, ZIP или URL)',
    'file, folder, ZIP archive or http(s) URL': 'файл, папка, ZIP-архив или адрес http(s)',
    'the channel the publications (or followers) belong to':
      'канал, к которому относятся публикации (или подписчики)',
    "a Telegram full export's chat": 'чат из полной выгрузки Telegram',
    "import a Telegram group's or personal chat's export as the channel's posts (refused otherwise)":
      'импортировать выгрузку группы или личного чата Telegram как посты канала (иначе она отклоняется)',
    'read and check everything, store nothing': 'прочитать и проверить всё, ничего не сохраняя',
    'store nothing if any record is rejected': 'ничего не сохранять, если отклонена хоть одна запись',
    'store without content analysis (`aqparat reclassify` labels the posts later)':
      'сохранить без анализа содержания (`aqparat reclassify` разметит посты позже)',
    'print the counts and rejections as JSON': 'вывести счётчики и отклонённые записи в JSON',
    "collect the channels' posts and followers now: Telegram's public web preview, Facebook and Instagram through the Graph API":
      'собрать посты и подписчиков каналов сейчас: открытый веб-просмотр Telegram, Facebook и Instagram через Graph API',
    'this channel only': 'только этот канал',
    'the channels of this organization and the organizations under it':
      'каналы этой организации и подчинённых ей организаций',
    'print per channel {channel, new, updated, unchanged, rejected, followers, followersAsOf, error}':
      'вывести по каждому каналу {channel, new, updated, unchanged, rejected, followers, followersAsOf, error}',
    'imports done so far: list, show, undo': 'выполненные импорты: список, просмотр, отмена',
    'the latest imports': 'последние импорты',
    'one import with its rejections': 'один импорт с отклонёнными записями',
    'remove what an import created and restore what it updated':
      'удалить созданное импортом и восстановить изменённое им',
    "a channel's stored publications with their subject organizations and topics":
      'сохранённые публикации канала с организациями-субъектами и темами',
    "set a publication's subject organization by hand (it wins over attribution rules)":
      'вручную указать организацию-субъект публикации (важнее правил отнесения)',
    "the publication's external id (see aqparat publications)":
      'внешний идентификатор публикации (см. aqparat publications)',
    'the organization the publication is about': 'организация, о которой публикация',
    'attribution rules: which organization a post on a regional page is about':
      'правила отнесения: о какой организации пост на областной странице',
    'assign posts with a hashtag, a place name (ru and kk forms: one rule each) or a keyword':
      'относить посты с хэштегом, названием места (формы на русском и казахском — по правилу на каждую) или ключевым словом',
    'the organization the matching posts are about': 'организация, к которой относятся подходящие посты',
    'the hashtag, place name or keyword': 'хэштег, название места или ключевое слово',
    'the rules, all or those of an organization and its subtree':
      'правила: все или организации и её поддерева',
    'remove a rule': 'удалить правило',
    'write a blank XLSX to fill and import, with headers in the --lang language':
      'записать пустой XLSX для заполнения и импорта, с заголовками на языке --lang',
    'where to write it (default: aqparat-<kind>-<lang>.xlsx)':
      'куда записать (по умолчанию: aqparat-<kind>-<lang>.xlsx)',
    'write the brief of an organization for a period: Word, Excel, HTML, Markdown':
      'записать справку организации за период: Word, Excel, HTML, Markdown',
    'date of members and followers (default: --to)':
      'дата численности членов и подписчиков (по умолчанию: --to)',
    'earlier whole years beside the period in year-by-year tables':
      'сколько прошлых полных лет показать рядом с периодом в таблицах по годам',
    'language(s) of the brief: {values}, comma-separated': 'язык(и) справки через запятую: {values}',
    'formats, comma-separated: {values}': 'форматы через запятую: {values}',
    'folder to write into': 'папка для записи',
    'rule thresholds and the presence window': 'пороги правил и окно присутствия',
    'print the settings in force as JSON': 'вывести действующие настройки в JSON',
    'change settings, e.g. set \'{"rules": {"low_reach": {"minReach": 0.05}}}\'':
      'изменить настройки, например set \'{"rules": {"low_reach": {"minReach": 0.05}}}\'',
    'the changes, as JSON in the shape `settings show` prints':
      'изменения в JSON того же вида, что выводит `settings show`',
    'label posts: language, topics, concreteness, declarative flag, with the reasons':
      'разметить посты: язык, темы, конкретность, признак «декларативный», с обоснованиями',
    'JSON lines, each {"id", "text"}': 'строки JSON, каждая {"id", "text"}',
    'JSON lines, each {"id", "language", "primaryTopic", "topics", …}':
      'строки JSON, каждая {"id", "language", "primaryTopic", "topics", …}',
    "use the lexicons alone, not the installation's trained model (no database)":
      'только словари, без обученной модели установки (без базы данных)',
    'add reasonsInWords to each line: the reasons as phrases in the --lang language (reasons stay as they are)':
      'добавить в каждую строку `reasonsInWords`: обоснования фразами на языке --lang (`reasons` остаются как есть)',
    'classify stored publications again: topics, concreteness, language, reposts; corrections win':
      'заново классифицировать сохранённые публикации: темы, конкретность, язык, репосты; исправления важнее',
    'publications whose subject organization lies in this subtree':
      'публикации, организация-субъект которых в этом поддереве',
    "correct a publication's labels; the correction is stored (who, when) and always wins":
      'исправить разметку публикации; исправление сохраняется (кто, когда) и всегда важнее',
    'the publication, by id': 'публикация по номеру',
    'the publication, by channel …': 'публикация по каналу …',
    '… and external id': '… и внешнему идентификатору',
    'the primary topic: {values}': 'основная тема: {values}',
    'every topic, comma-separated, the primary first': 'все темы через запятую, основная первой',
    'declarative or concrete': 'декларативная или конкретная',
    'a repost or an original': 'репост или оригинал',
    "a repost's source": 'источник репоста',
    'the language: {values}': 'язык: {values}',
    'who corrects': 'кто исправляет',
    "train the installation's model on users' corrections; later classification uses it":
      'обучить модель установки на исправлениях пользователей; дальнейшая классификация будет её использовать',
    'who retrains (recorded with the model)': 'кто обучает (записывается вместе с моделью)',
    'measure the classifier on the labelled set: precision, recall, F1 per topic, macro-F1, accuracy':
      'измерить классификатор на размеченном наборе: точность, полнота, F1 по темам, macro-F1, доля верных',
    'labelled sets in the format of data/eval/*.jsonl (default: those files); "real": the real set of data/eval/real, its development and held-out parts (also any files whose records carry union and source)':
      'размеченные наборы в формате data/eval/*.jsonl (по умолчанию: эти файлы); «real»: реальный набор data/eval/real, его части для настройки и отложенная (а также любые файлы, записи которых содержат `union` и `source`)',
    'only the channels whose scheduled collection is due (posts every 2 hours, followers daily, unless the channel says otherwise), each once even when several servers collect':
      'только каналы, которым пора по расписанию сбора (посты — каждые 2 часа, подписчики — раз в день, если у канала не задано иначе), каждый один раз, даже если собирают несколько серверов',
    'briefs e-mailed on a schedule': 'справки, рассылаемые по электронной почте по расписанию',
    "e-mail an organization's brief of each period that ends":
      'отправлять по электронной почте справку организации за каждый завершившийся период',
    'how often: {values}': 'как часто: {values}',
    'e-mail addresses to send to (spaces or commas between them)':
      'адреса электронной почты получателей (через пробел или запятую)',
    'the brief schedules and how their last sending went':
      'расписания рассылки справок и итог их последней отправки',
    'print {id, org, every, langs, formats, to, createdAt, lastSending} per schedule':
      'вывести по каждому расписанию {id, org, every, langs, formats, to, createdAt, lastSending}',
    'stop a brief schedule': 'остановить рассылку справки',
    'the schedule’s number': 'номер рассылки',
    'send the briefs whose period has ended and that were not sent yet':
      'отправить ещё не отправленные справки за завершившиеся периоды',
    'what is due now (the only kind of run)': 'то, что пора отправить сейчас (единственный вид запуска)',
    'print {schedule, org, period, from, to, files, pdfMissing, sentAt, error} per sending':
      'вывести по каждой отправке {schedule, org, period, from, to, files, pdfMissing, sentAt, error}',
    "the content plan's posts: draft, approve, list": 'посты контент-плана: черновики, согласование, список',
    'draft a post of an organization for its channels or those of an organization above it':
      'подготовить черновик поста организации для её каналов или каналов вышестоящей организации',
    'the channels to publish to, comma-separated channel codes':
      'каналы для публикации: коды каналов через запятую',
    "the post's text (its Russian version where there are two)":
      'текст поста (его русская версия, если их две)',
    "the post's Kazakh version": 'казахская версия поста',
    'an image to publish with it (JPEG or PNG, up to 10 MB); repeated, up to 10: a Telegram album':
      'изображение к посту (JPEG или PNG, до 10 МБ); можно повторить до 10 раз: альбом в Telegram',
    'when to publish: an ISO instant with its zone, e.g. 2026-12-08T10:00:00+05:00':
      'когда опубликовать: момент времени ISO с часовым поясом, например 2026-12-08T10:00:00+05:00',
    'the planned topic: {values}': 'запланированная тема: {values}',
    'print {id, state}': 'вывести {id, state}',
    'submit a drafted or returned post for approval':
      'отправить черновик или возвращённый пост на согласование',
    'approve a post: it is published at its instant':
      'согласовать пост: он будет опубликован в назначенное время',
    'return a post to its author with a comment': 'вернуть пост автору с комментарием',
    'the post’s number': 'номер поста',
    'a comment for the author': 'комментарий для автора',
    'print the post as JSON': 'вывести пост в формате JSON',
    'the posts of the plan by planned instant': 'посты плана по времени публикации',
    'only the posts in this state: {values}': 'только посты в этом состоянии: {values}',
    'print the posts as JSON': 'вывести посты в формате JSON',
    'publish the approved posts whose instant has come, each once':
      'опубликовать согласованные посты, время которых наступило, каждый один раз',
    'print {post, channel, state, externalId, url, error} per post and channel':
      'вывести по каждому посту и каналу {post, channel, state, externalId, url, error}',
  },
  kk: {
    'information work of trade unions: records, measures, briefs':
      'кәсіподақтардың ақпараттық жұмысы: есеп, көрсеткіштер, анықтамалар',
    'SQLite file or postgres:// URL (default: DATABASE_URL, AQPARAT_DB, ./data/aqparat.sqlite)':
      'SQLite файлы немесе postgres:// мекенжайы (әдепкі: DATABASE_URL, AQPARAT_DB, ./data/aqparat.sqlite)',
    'language of messages: {values}': 'хабарламалар тілі: {values}',
    'one of: {values}': 'мыналардың бірі: {values}',
    'print JSON': 'JSON түрінде шығару',
    'print JSON instead of a table': 'кестенің орнына JSON шығару',
    'first local date YYYY-MM-DD': 'бірінші жергілікті күн ЖЖЖЖ-АА-КК',
    'last local date YYYY-MM-DD': 'соңғы жергілікті күн ЖЖЖЖ-АА-КК',
    'organization code, e.g. abai': 'ұйым коды, мысалы abai',
    'only this organization and the ones under it': 'тек осы ұйым және оған бағыныштылар',
    'the channel': 'арна',
    'one channel': 'бір арна',
    'bring the database schema up to date': 'дерекқор сызбасын жаңарту',
    'build the Abai demo data of the seed brief, or the whole country at scale (again with --reset)':
      'бастапқы анықтамадағы Абай облысының демо-деректерін немесе бүкіл елдің толық көлемдегі деректерін құру (қайтадан — --reset арқылы)',
    'delete the demo data and build it anew': 'демо-деректерді жойып, қайта құру',
    'region (the Abai brief) or national: {values}':
      'облыс (Абай облысының анықтамасы) немесе бүкіл ел: {values}',
    'seed of the national data (the same seed builds the same data)':
      'ұлттық деректердің бастапқы саны (бірдей сан бірдей деректер береді)',
    'publications of an organization subtree by subject organization or by period':
      'ұйым тармағының жарияланымдары субъект ұйымдар немесе кезеңдер бойынша',
    'first local date YYYY-MM-DD (default: everything up to --to)':
      'бірінші жергілікті күн ЖЖЖЖ-АА-КК (әдепкі: --to күніне дейінгі бәрі)',
    'last local date YYYY-MM-DD (default: today)': 'соңғы жергілікті күн ЖЖЖЖ-АА-КК (әдепкі: бүгін)',
    'date of members and followers (default: --to, or today if it is later)':
      'мүшелер мен жазылушылар саны алынатын күн (әдепкі: --to, ал ол кейінірек болса — бүгін)',
    'subject, subject,platform (a column per platform) or one of: {values}':
      '«subject» (субъект ұйымдар бойынша), «subject,platform» (әр алаңға бір баған) немесе мыналардың бірі: {values}',
    'branches of an organization ranked by publications per 1,000 members, reach, concrete and legal shares and growth of followers':
      'ұйым филиалдарының рейтингі: 1000 мүшеге шаққандағы жарияланымдар, қамту, нақты және құқықтық жарияланымдар үлесі, жазылушылар өсімі',
    'organization code, e.g. abai (default: your own, or the top of the tree)':
      'ұйым коды, мысалы abai (әдепкі: өз ұйымыңыз немесе ағаштың ең жоғарғысы)',
    'first local date YYYY-MM-DD (default: 1 January of the year of --to)':
      'бірінші жергілікті күн ЖЖЖЖ-АА-КК (әдепкі: --to жылының 1 қаңтары)',
    'last local date YYYY-MM-DD (default: 31 December of the year of --from)':
      'соңғы жергілікті күн ЖЖЖЖ-АА-КК (әдепкі: --from жылының 31 желтоқсаны)',
    'the measure the rows are ordered by, one of: {values}':
      'жолдар реттелетін көрсеткіш, мыналардың бірі: {values}',
    'build the demo data if absent, write the Abai brief (ru and kk) into a folder, start the server':
      'демо-деректер жоқ болса, оларды құру, Абай облысының анықтамасын (орыс және қазақ тілдерінде) қалтаға жазу және серверді іске қосу',
    'folder to write the brief into': 'анықтама жазылатын қалта',
    'stop after writing the brief': 'анықтаманы жазғаннан кейін тоқтау',
    'port to listen on (default: PORT or 8080)': 'сервер порты (әдепкі: PORT немесе 8080)',
    'address to listen on': 'сервер қосылымдарды қабылдайтын мекенжай',
    'start the web server and its API (/api/v1, /api/docs)':
      'веб-серверді және оның API-ын іске қосу (/api/v1, /api/docs)',
    'users who sign in to the server': 'серверге кіретін пайдаланушылар',
    'add a user; without --password one is asked for, or generated and printed once':
      'пайдаланушы қосу; --password болмаса, құпиясөз сұралады немесе жасалып, бір рет шығарылады',
    login: 'логин',
    'role: {values}': 'рөлі: {values}',
    'organization whose subtree the user works in (not needed for admin)':
      'пайдаланушы жұмыс істейтін тармақтың ұйымы (әкімшіге қажет емес)',
    'password (at least 12 characters, not a common one)':
      'құпиясөз (кемінде 12 таңба, ең жиі қолданылатындардан емес)',
    'full name': 'толық аты-жөні',
    'set a new password; without --password one is asked for, or generated and printed once':
      'жаңа құпиясөз орнату; --password болмаса, ол сұралады немесе жасалып, бір рет шығарылады',
    'new password (at least 12 characters, not a common one)':
      'жаңа құпиясөз (кемінде 12 таңба, ең жиі қолданылатындардан емес)',
    'list the users': 'пайдаланушылар тізімі',
    'write a copy of the whole database (safe while the server runs)':
      'бүкіл дерекқордың көшірмесін жазу (сервер жұмыс істеп тұрғанда да болады)',
    'file to write': 'жазылатын файл',
    'replace the database with a backup (stop the server first)':
      'дерекқорды резервтік көшірмемен алмастыру (алдымен серверді тоқтатыңыз)',
    'backup file': 'резервтік көшірме файлы',
    'information channels of organizations': 'ұйымдардың ақпарат арналары',
    'register a channel of an organization': 'ұйымның арнасын тіркеу',
    'list the channels with their codes, organizations and platforms':
      'арналар тізімі: кодтары, ұйымдары және платформалары',
    'only the channels of this organization and the ones under it':
      'тек осы ұйымның және оған бағыныштылардың арналары',
    'the organization that owns the channel': 'арна тиесілі ұйым',
    'a code of the channel, unique in the installation': 'арнаның коды, орнатылым ішінде бірегей',
    "the channel's address": 'арнаның мекенжайы',
    "the channel's name (default: its code)": 'арнаның атауы (әдепкі: оның коды)',
    "set or clear a channel's access token for collecting; it is stored encrypted and never shown":
      'жинау үшін арнаның қол жеткізу токенін орнату немесе жою; ол шифрланып сақталады және ешқашан көрсетілмейді',
    'read the token from standard input (keeps it out of the shell history)':
      'токенді стандартты енгізуден оқу (ол командалар тарихына түспейді)',
    'the token (it stays in the shell history: prefer --stdin)':
      'токен (ол командалар тарихында қалады: --stdin жақсырақ)',
    "the token's expiry date, YYYY-MM-DD": 'токеннің жарамдылық мерзімі аяқталатын күн, ЖЖЖЖ-АА-КК',
    "remove the channel's token": 'арнаның токенін жою',
    'the organization tree': 'ұйымдар ағашы',
    'list the organizations with their codes, parents before children':
      'ұйымдар тізімі кодтарымен, жоғары тұрғандары бағыныштыларынан бұрын',
    'import a Telegram, Facebook or Instagram export, a feed or a spreadsheet (file, folder, ZIP or URL)':
      'Telegram, Facebook немесе Instagram экспортын, жаңалықтар ағынын немесе кестені импорттау (файл, қалта, ZIP немесе URL)',
    'file, folder, ZIP archive or http(s) URL': 'файл, қалта, ZIP мұрағаты немесе http(s) мекенжайы',
    'the channel the publications (or followers) belong to':
      'жарияланымдар (немесе жазылушылар) тиесілі арна',
    "a Telegram full export's chat": 'Telegram толық экспортындағы чат',
    "import a Telegram group's or personal chat's export as the channel's posts (refused otherwise)":
      'Telegram тобының немесе жеке чатының экспортын арнаның посттары ретінде импорттау (әйтпесе ол қабылданбайды)',
    'read and check everything, store nothing': 'бәрін оқып, тексеру, ештеңе сақтамау',
    'store nothing if any record is rejected': 'бір жазба қабылданбаса да, ештеңе сақтамау',
    'store without content analysis (`aqparat reclassify` labels the posts later)':
      'мазмұнын талдамай сақтау (`aqparat reclassify` посттарды кейін белгілейді)',
    'print the counts and rejections as JSON': 'сандар мен қабылданбаған жазбаларды JSON түрінде шығару',
    "collect the channels' posts and followers now: Telegram's public web preview, Facebook and Instagram through the Graph API":
      'арналардың посттары мен жазылушыларын қазір жинау: Telegram-ның ашық веб-көрінісі, Facebook пен Instagram — Graph API арқылы',
    'this channel only': 'тек осы арна',
    'the channels of this organization and the organizations under it':
      'осы ұйымның және оған бағынатын ұйымдардың арналары',
    'print per channel {channel, new, updated, unchanged, rejected, followers, followersAsOf, error}':
      'әр арна бойынша {channel, new, updated, unchanged, rejected, followers, followersAsOf, error} шығару',
    'imports done so far: list, show, undo': 'жасалған импорттар: тізім, қарау, болдырмау',
    'the latest imports': 'соңғы импорттар',
    'one import with its rejections': 'бір импорт және оның қабылданбаған жазбалары',
    'remove what an import created and restore what it updated':
      'импорт құрғанын жойып, ол өзгерткенін қалпына келтіру',
    "a channel's stored publications with their subject organizations and topics":
      'арнаның сақталған жарияланымдары, олардың субъект ұйымдары мен тақырыптары',
    "set a publication's subject organization by hand (it wins over attribution rules)":
      'жарияланымның субъект ұйымын қолмен белгілеу (ол тиесілілік ережелерінен басым)',
    "the publication's external id (see aqparat publications)":
      'жарияланымның сыртқы идентификаторы (қараңыз: aqparat publications)',
    'the organization the publication is about': 'жарияланым қатысты ұйым',
    'attribution rules: which organization a post on a regional page is about':
      'тиесілілік ережелері: облыстық беттегі пост қай ұйымға қатысты',
    'assign posts with a hashtag, a place name (ru and kk forms: one rule each) or a keyword':
      'хэштегі, жер атауы (орысша және қазақша нұсқалары — әрқайсысына бір ереже) немесе кілт сөзі бар посттарды ұйымға тиесілеу',
    'the organization the matching posts are about': 'сәйкес посттар қатысты ұйым',
    'the hashtag, place name or keyword': 'хэштег, жер атауы немесе кілт сөз',
    'the rules, all or those of an organization and its subtree':
      'ережелер: барлығы немесе ұйым мен оның тармағының ережелері',
    'remove a rule': 'ережені жою',
    'write a blank XLSX to fill and import, with headers in the --lang language':
      'толтырып импорттауға арналған бос XLSX жазу, тақырыптары --lang тілінде',
    'where to write it (default: aqparat-<kind>-<lang>.xlsx)':
      'қайда жазу (әдепкі: aqparat-<kind>-<lang>.xlsx)',
    'write the brief of an organization for a period: Word, Excel, HTML, Markdown':
      'ұйымның кезеңдегі анықтамасын жазу: Word, Excel, HTML, Markdown',
    'date of members and followers (default: --to)':
      'мүшелер мен жазылушылар саны алынатын күн (әдепкі: --to)',
    'earlier whole years beside the period in year-by-year tables':
      'жылдар бойынша кестелерде кезеңнің қасында көрсетілетін алдыңғы толық жылдар саны',
    'language(s) of the brief: {values}, comma-separated':
      'анықтаманың тілі (тілдері), үтір арқылы: {values}',
    'formats, comma-separated: {values}': 'пішімдер, үтір арқылы: {values}',
    'folder to write into': 'жазылатын қалта',
    'rule thresholds and the presence window': 'ережелердің шектері және қатысу терезесі',
    'print the settings in force as JSON': 'қолданыстағы баптауларды JSON түрінде шығару',
    'change settings, e.g. set \'{"rules": {"low_reach": {"minReach": 0.05}}}\'':
      'баптауларды өзгерту, мысалы set \'{"rules": {"low_reach": {"minReach": 0.05}}}\'',
    'the changes, as JSON in the shape `settings show` prints':
      '`settings show` шығаратын түрдегі JSON өзгерістері',
    'label posts: language, topics, concreteness, declarative flag, with the reasons':
      'посттарды белгілеу: тілі, тақырыптары, нақтылығы, «декларативтік» белгісі, себептерімен',
    'JSON lines, each {"id", "text"}': 'JSON жолдары, әрқайсысы {"id", "text"}',
    'JSON lines, each {"id", "language", "primaryTopic", "topics", …}':
      'JSON жолдары, әрқайсысы {"id", "language", "primaryTopic", "topics", …}',
    "use the lexicons alone, not the installation's trained model (no database)":
      'тек сөздіктер, орнатылымның оқытылған моделінсіз (дерекқорсыз)',
    'add reasonsInWords to each line: the reasons as phrases in the --lang language (reasons stay as they are)':
      'әр жолға `reasonsInWords` қосу: себептер --lang тіліндегі сөз тіркестерімен (`reasons` өзгеріссіз қалады)',
    'classify stored publications again: topics, concreteness, language, reposts; corrections win':
      'сақталған жарияланымдарды қайта жіктеу: тақырыптар, нақтылық, тіл, репосттар; түзетулер басым',
    'publications whose subject organization lies in this subtree':
      'субъект ұйымы осы тармақта жатқан жарияланымдар',
    "correct a publication's labels; the correction is stored (who, when) and always wins":
      'жарияланымның белгілерін түзету; түзету сақталады (кім, қашан) және әрдайым басым',
    'the publication, by id': 'жарияланым, нөмірі бойынша',
    'the publication, by channel …': 'жарияланым, арнасы …',
    '… and external id': '… және сыртқы идентификаторы бойынша',
    'the primary topic: {values}': 'негізгі тақырып: {values}',
    'every topic, comma-separated, the primary first': 'барлық тақырыптар, үтір арқылы, негізгісі бірінші',
    'declarative or concrete': 'декларативтік немесе нақты',
    'a repost or an original': 'репост немесе түпнұсқа',
    "a repost's source": 'репосттың көзі',
    'the language: {values}': 'тілі: {values}',
    'who corrects': 'кім түзетеді',
    "train the installation's model on users' corrections; later classification uses it":
      'орнатылымның моделін пайдаланушылардың түзетулерімен оқыту; кейінгі жіктеу соны пайдаланады',
    'who retrains (recorded with the model)': 'кім оқытады (модельмен бірге жазылады)',
    'measure the classifier on the labelled set: precision, recall, F1 per topic, macro-F1, accuracy':
      'жіктеуішті белгіленген жиында өлшеу: дәлдік, толықтық, тақырыптар бойынша F1, macro-F1, дұрыстар үлесі',
    'labelled sets in the format of data/eval/*.jsonl (default: those files); "real": the real set of data/eval/real, its development and held-out parts (also any files whose records carry union and source)':
      'data/eval/*.jsonl пішіміндегі белгіленген жиындар (әдепкі: сол файлдар); «real»: data/eval/real нақты жиыны, оның баптауға арналған және кейінге қалдырылған бөліктері (сондай-ақ жазбаларында `union` және `source` бар кез келген файлдар)',
    'only the channels whose scheduled collection is due (posts every 2 hours, followers daily, unless the channel says otherwise), each once even when several servers collect':
      'тек жинау кестесі бойынша уақыты келген арналар (посттар — әр 2 сағат сайын, жазылушылар — күн сайын, егер арнада басқаша көрсетілмесе), бірнеше сервер жинаса да, әрқайсысы бір рет',
    'briefs e-mailed on a schedule': 'кесте бойынша электрондық поштамен жіберілетін анықтамалар',
    "e-mail an organization's brief of each period that ends":
      'аяқталған әр кезең бойынша ұйымның анықтамасын электрондық поштамен жіберу',
    'how often: {values}': 'қаншалықты жиі: {values}',
    'e-mail addresses to send to (spaces or commas between them)':
      'алушылардың электрондық пошта мекенжайлары (бос орын немесе үтір арқылы)',
    'the brief schedules and how their last sending went':
      'анықтамаларды жіберу кестелері және соңғы жіберілімнің нәтижесі',
    'print {id, org, every, langs, formats, to, createdAt, lastSending} per schedule':
      'әр кесте бойынша {id, org, every, langs, formats, to, createdAt, lastSending} шығару',
    'stop a brief schedule': 'анықтама таратылымын тоқтату',
    'the schedule’s number': 'таратылым нөмірі',
    'send the briefs whose period has ended and that were not sent yet':
      'кезеңі аяқталған және әлі жіберілмеген анықтамаларды жіберу',
    'what is due now (the only kind of run)': 'қазір жіберетін уақыты келгендер (іске қосудың жалғыз түрі)',
    'print {schedule, org, period, from, to, files, pdfMissing, sentAt, error} per sending':
      'әр жіберілім бойынша {schedule, org, period, from, to, files, pdfMissing, sentAt, error} шығару',
    "the content plan's posts: draft, approve, list": 'контент-жоспардың жазбалары: жобалар, келісу, тізім',
    'draft a post of an organization for its channels or those of an organization above it':
      'ұйымның өз арналарына немесе жоғары тұрған ұйымның арналарына жазба жобасын дайындау',
    'the channels to publish to, comma-separated channel codes':
      'жариялайтын арналар: арна кодтары үтір арқылы',
    "the post's text (its Russian version where there are two)":
      'жазбаның мәтіні (екеуі болса, орысша нұсқасы)',
    "the post's Kazakh version": 'жазбаның қазақша нұсқасы',
    'an image to publish with it (JPEG or PNG, up to 10 MB); repeated, up to 10: a Telegram album':
      'жазбаға сурет (JPEG немесе PNG, 10 МБ-қа дейін); 10 ретке дейін қайталауға болады: Telegram альбомы',
    'when to publish: an ISO instant with its zone, e.g. 2026-12-08T10:00:00+05:00':
      'қашан жариялау: уақыт белдеуі көрсетілген ISO уақыт сәті, мысалы 2026-12-08T10:00:00+05:00',
    'the planned topic: {values}': 'жоспарланған тақырып: {values}',
    'print {id, state}': '{id, state} шығару',
    'submit a drafted or returned post for approval': 'жобаны немесе қайтарылған жазбаны келісуге жіберу',
    'approve a post: it is published at its instant': 'жазбаны келісу: ол белгіленген уақытта жарияланады',
    'return a post to its author with a comment': 'жазбаны авторына түсініктемемен қайтару',
    'the post’s number': 'жазба нөмірі',
    'a comment for the author': 'авторға түсініктеме',
    'print the post as JSON': 'жазбаны JSON түрінде шығару',
    'the posts of the plan by planned instant': 'жоспардың жазбалары жариялау уақыты бойынша',
    'only the posts in this state: {values}': 'тек осы күйдегі жазбалар: {values}',
    'print the posts as JSON': 'жазбаларды JSON түрінде шығару',
    'publish the approved posts whose instant has come, each once':
      'уақыты келген келісілген жазбаларды әрқайсысын бір рет жариялау',
    'print {post, channel, state, externalId, url, error} per post and channel':
      'әр жазба мен арна бойынша {post, channel, state, externalId, url, error} шығару',
  },
};
