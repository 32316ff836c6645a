/**
 * Texts users read when something is wrong, in every UI language. The record types make a missing translation a
 * compile error; a test checks that no Russian or Kazakh text is left in English.
 */
import type { FieldIssue } from './field-issue.js';
import type { UiLang } from './vocabulary.js';

export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'org_parent_kind',
  'org_unknown',
  'org_code_taken',
  'channel_unknown',
  'channel_code_taken',
  'outlet_unknown',
  'outlet_code_taken',
  'person_unknown',
  'duplicate_record',
  'period_invalid',
  'period_reversed',
  'option_invalid',
  'import_format_unknown',
  'import_source_unavailable',
  'import_file_truncated',
  'import_file_corrupt',
  'import_file_unreadable',
  'import_channel_required',
  'import_chat_choice',
  'import_chat_unknown',
  'import_chat_group',
  'import_chat_personal',
  'import_chat_other',
  'import_zip_no_posts',
  'import_sheet_kind_unknown',
  'import_unknown',
  'import_already_undone',
  'import_undo_blocked',
  'publication_unknown',
  'publication_id_unknown',
  'unauthenticated',
  'forbidden',
  'login_failed',
  'login_throttled',
  'token_needs_session',
  'csrf_invalid',
  'rate_limited',
  'user_unknown',
  'user_login_taken',
  'role_not_allowed',
  'record_in_use',
  'audit_unknown',
  'audit_not_restorable',
  'upload_too_large',
  'upload_type',
  'import_running',
  'import_interrupted',
  'import_strict_rejected',
  'import_read_timeout',
  'import_read_memory',
  'import_read_stopped',
  'collect_channel_missing',
  'collect_channel_group',
  'collect_channel_bot',
  'collect_channel_private',
  'collect_fetch_failed',
  'collect_interrupted',
  'secret_key_invalid',
  'secret_key_wrong',
  'collect_token_expired',
  'collect_rate_limited',
  'collect_permission_missing',
  'collect_instagram_not_business',
  'collect_page_missing',
  'collect_no_feed',
  'collect_bot_rate_limited',
  'schedule_unknown',
  'schedule_smtp_missing',
  'plan_post_unknown',
  'plan_post_state',
  'plan_channel_not_allowed',
  'plan_image_invalid',
  'publish_text_too_long',
  'publish_no_token',
  'publish_no_address',
  'publish_not_supported',
  'publish_token_refused',
  'publish_rate_limited',
  'publish_refused',
  'publish_uncertain',
  'plan_instagram_image_required',
  'publish_no_public_url',
  'publish_media_rejected',
  'publish_media_not_ready',
  'plan_media_unknown',
  'notification_unknown',
  'internal_error',
  'web_not_built',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FIELD_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'not_one_of',
  'unknown_field',
  'invalid_format',
  'invalid',
  'unknown_org',
  'unknown_channel',
  'unknown_outlet',
  'unknown_person',
  'kind_not_allowed_under',
  'taken',
  'invalid_date',
  'invalid_number',
  'ambiguous_channel',
  'no_channel_on_platform',
  'empty_post',
  'nothing_to_correct',
  'invalid_json',
  'password_too_short',
  'password_common',
  'not_http_url',
  'root_admin_only',
  'shared_outlet_admin_only',
  'one_language_required',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

type Texts<K extends string> = Readonly<Record<UiLang, Readonly<Record<K, string>>>>;

/** The refusals of a Telegram chat that is no channel, by its kind: confirming the chat type imports it. */
export const CHAT_TYPE_REFUSALS = {
  group: 'import_chat_group',
  personal: 'import_chat_personal',
  other: 'import_chat_other',
} as const satisfies Record<string, ErrorCode>;

/** How to import a chat that is no channel anyway, on every door. */
const CONFIRM_CHAT_TYPE: Readonly<Record<UiLang, string>> = {
  ru: 'Если так и нужно, подтвердите тип чата: aqparat import … --accept-chat-type, в API — поле acceptChatType=true, на странице импорта — «Импортировать всё равно»',
  kk: 'Егер солай болуы керек болса, чат түрін растаңыз: aqparat import … --accept-chat-type, API-де — acceptChatType=true өрісі, импорт бетінде — «Бәрібір импорттау»',
  en: 'If that is what you want, confirm the chat type: aqparat import … --accept-chat-type, the field acceptChatType=true in the API, or "Import anyway" on the import page',
};

export const ERROR_TEXTS: Texts<ErrorCode> = {
  ru: {
    validation_failed: 'Данные не прошли проверку',
    not_found: 'Запись не найдена',
    org_parent_kind: 'Организацию вида «{kind}» нельзя подчинить организации вида «{parentKind}»',
    org_unknown: 'Организация с кодом «{code}» не найдена',
    org_code_taken: 'Код организации «{code}» уже занят',
    channel_unknown: 'Канал с кодом «{code}» не найден',
    channel_code_taken: 'Код канала «{code}» уже занят',
    outlet_unknown: 'СМИ с кодом «{code}» не найдено',
    outlet_code_taken: 'Код СМИ «{code}» уже занят',
    person_unknown: 'Сотрудник № {id} не найден',
    duplicate_record: 'Такая запись уже есть: {what}',
    period_invalid: 'Период «{value}» не распознан: укажите даты в виде ГГГГ-ММ-ДД и начало не позже конца',
    period_reversed: 'Начало периода {from} позже его конца {to}: поменяйте даты местами',
    option_invalid: 'Параметр {option} не может быть «{value}»; допустимо: {values}',
    import_format_unknown: 'Формат файла «{file}» не распознан. Поддерживаются: {formats}',
    import_source_unavailable: 'Не удалось прочитать «{file}»: {detail}',
    import_file_truncated:
      'Файл «{file}» обрывается на строке {line} (байт {position}): он неполный или обрезан',
    import_file_corrupt:
      'Файл «{file}» повреждён: неожиданный символ «{found}» на строке {line} (байт {position})',
    import_file_unreadable: 'Файл «{file}» не читается как {format}: {detail}',
    import_channel_required:
      'Укажите канал, в который импортировать «{file}»: aqparat import ФАЙЛ --channel КОД',
    import_chat_choice:
      'В файле «{file}» несколько чатов, выберите один по имени или номеру: {chats} (aqparat import ФАЙЛ --chat ИМЯ)',
    import_chat_unknown: 'Чата «{chat}» в файле «{file}» нет; есть: {chats}',
    import_chat_group: `«{file}» — выгрузка группы «{chat}» (тип {type}), а не канала: сообщения участников были бы учтены как публикации канала. ${CONFIRM_CHAT_TYPE.ru}`,
    import_chat_personal: `«{file}» — выгрузка личной переписки «{chat}» (тип {type}), а не канала: её сообщения были бы учтены как публикации канала. ${CONFIRM_CHAT_TYPE.ru}`,
    import_chat_other: `«{file}» — выгрузка чата «{chat}» неизвестного типа ({type}), а не канала: его сообщения были бы учтены как публикации канала. ${CONFIRM_CHAT_TYPE.ru}`,
    import_zip_no_posts: 'В архиве «{file}» не найдено файлов с публикациями (искали: {layouts})',
    import_sheet_kind_unknown:
      'Заголовки таблицы «{file}» не подходят ни к одному шаблону ({kinds}); получите шаблон: aqparat template ВИД',
    import_unknown: 'Импорт № {id} не найден',
    import_already_undone: 'Импорт № {id} уже отменён',
    import_undo_blocked:
      'Импорт № {id} нельзя отменить: его записи потом изменил импорт № {later}; сначала отмените тот',
    publication_unknown: 'Публикация «{externalId}» в канале «{channel}» не найдена',
    publication_id_unknown: 'Публикация № {id} не найдена',
    unauthenticated: 'Войдите в систему: сеанс не начат или истёк',
    forbidden: 'Вашей роли «{role}» это действие недоступно',
    login_failed: 'Неверный логин или пароль',
    login_throttled:
      'Слишком много неудачных попыток входа под этим логином с вашего адреса: следующая попытка через {seconds} с, после {until} (UTC)',
    token_needs_session:
      'Запрос по токену доступа не может создать новый токен: войдите с логином и паролем и создайте токен в этом сеансе',
    csrf_invalid: 'Запрос отклонён: нет или неверен заголовок X-CSRF-Token; обновите страницу и повторите',
    rate_limited: 'Слишком много запросов; повторите через {seconds} с',
    user_unknown: 'Пользователь «{login}» не найден',
    user_login_taken: 'Логин «{login}» уже занят',
    role_not_allowed: 'Назначить роль «{role}» может только администратор',
    record_in_use: 'Запись нельзя удалить: на неё ссылаются другие записи; сначала удалите или перенесите их',
    audit_unknown: 'Запись журнала № {id} не найдена',
    audit_not_restorable: 'Запись журнала № {id} не об удалении или уже восстановлена',
    upload_too_large: 'Файл больше допустимых {limit} МБ; разделите выгрузку на части',
    upload_type: 'Файлы вида «{type}» не принимаются; загрузите JSON, CSV, XLSX, XML, HTML или ZIP',
    import_running: 'Импорт № {id} ещё идёт; отменить его можно, когда он завершится',
    import_interrupted:
      'Импорт прерван: его процесс остановился, не закончив работу. Импортируйте тот же файл ещё раз — повторный импорт дополнит то, что уже сохранено',
    import_read_timeout:
      'Чтение файла «{file}» остановлено: оно заняло больше {seconds} с. Файл, вероятно, повреждён; проверьте его или разделите на части',
    import_read_memory:
      'Чтение файла «{file}» остановлено: ему понадобилось больше {limit} МБ памяти. Файл, вероятно, повреждён; проверьте его или разделите на части',
    import_read_stopped:
      'Чтение файла «{file}» прервалось, не дойдя до конца. Загрузите его ещё раз; если это повторится, файл, вероятно, повреждён: сохраните его заново',
    import_strict_rejected:
      'Ничего не сохранено: {rejected} записей отклонены, а импорт строгий; исправьте их и загрузите файл снова',
    collect_channel_missing: 'В Telegram нет канала @{username} ({url}): проверьте адрес канала',
    collect_channel_group:
      '@{username} в Telegram — группа, а не канал ({url}): собираются только публичные каналы',
    collect_channel_bot:
      '@{username} в Telegram — бот или личный аккаунт, а не канал ({url}): собираются только публичные каналы',
    collect_channel_private:
      'Адрес {url} — приглашение в закрытый канал или группу: у них нет публичной страницы, собрать их без доступа нельзя; импортируйте выгрузку Telegram Desktop',
    collect_fetch_failed: 'Не удалось загрузить {url}: {detail}',
    collect_interrupted:
      'Сбор прерван: его процесс остановился, не закончив работу; следующий сбор дополнит то, что уже сохранено',
    secret_key_invalid:
      'Ключ шифрования из {setting} не подходит: нужны 32 байта, записанные 64 шестнадцатеричными цифрами или 44 знаками {base64} (дано знаков: {length}); ключ создаёт, например, команда {example}',
    secret_key_wrong:
      'Токен канала «{channel}» не расшифровывается ключом из {setting}: ключ сменили после того, как токен был задан. Верните прежний ключ в {setting} или задайте токен заново: aqparat channel token --channel {channel} --stdin',
    collect_token_expired:
      'Токен доступа канала истёк или отозван ({detail}): сбор канала остановлен, пока не задан новый токен (aqparat channel token)',
    collect_rate_limited:
      'Graph API ограничил частоту запросов ({url}: {detail}); повторы с растущей паузой не помогли: сбор продолжится в следующий раз',
    collect_instagram_not_business:
      'Instagram не нашёл бизнес- или авторский аккаунт с именем из адреса канала ({detail}): через аккаунт организации читаются только такие аккаунты. Проверьте имя аккаунта в адресе канала или задайте каналу его собственный токен (aqparat channel token)',
    collect_permission_missing:
      'У токена нет нужного разрешения для {url}: {detail}. Выдайте токен с разрешениями pages_read_engagement / instagram_basic и задайте его снова',
    collect_page_missing: 'Адрес {url} не найден (HTTP {status}): проверьте адрес канала',
    collect_no_feed:
      'На {url} нет ленты RSS или Atom и нет WordPress REST API: укажите адресом канала адрес его ленты RSS или Atom',
    collect_bot_rate_limited:
      'Telegram Bot API ограничил частоту запросов ({method}: ждать {seconds} с); сбор продолжится в следующий раз',
    schedule_unknown:
      'Рассылки справки № {id} нет (или она вне вашей организации); список: aqparat schedule list',
    schedule_smtp_missing:
      'Не задан почтовый сервер для рассылки справок: укажите его адрес в {setting}, например {example}',
    plan_post_unknown: 'Поста № {id} в плане нет (или он вне вашей организации); список: aqparat post list',
    plan_post_state: 'Пост № {id} сейчас в состоянии «{state}»: этот шаг для него невозможен',
    plan_channel_not_allowed:
      'Канал «{channel}» не принадлежит организации «{org}» или вышестоящей (или закрыт): пост туда отправить нельзя',
    plan_image_invalid: 'Изображение должно быть файлом {types} не больше {limit} МБ (дано байт: {size})',
    publish_text_too_long:
      'Текст длиннее, чем принимает {platform}: знаков {length} при пределе {limit}; сократите его',
    publish_no_token:
      'У канала «{channel}» нет действующего токена бота для публикации: задайте его командой aqparat channel token',
    publish_no_address: 'У канала «{channel}» нет публичного адреса вида {example}: публиковать некуда',
    publish_not_supported: 'Публикация на платформу «{platform}» пока не поддерживается',
    publish_token_refused:
      '{platform} отклонил токен канала ({detail}): задайте новый токен (aqparat channel token)',
    publish_rate_limited:
      '{platform} ограничил частоту запросов: ждать {seconds} с; пост будет отправлен при следующем запуске',
    publish_refused: '{platform} не принял пост: {detail}',
    publish_uncertain:
      'Неизвестно, дошёл ли пост до {platform} ({detail}): при следующем запуске его сначала поищут на канале и лишь потом отправят снова',
    plan_instagram_image_required:
      'Instagram публикует только посты с изображением: добавьте изображение или уберите канал «{channel}»',
    publish_no_public_url:
      'Instagram забирает изображение по публичному адресу сервера, а он не задан: укажите его в {setting}, например {example}',
    publish_media_rejected: '{platform} не принял изображение (статус {status}: {detail})',
    publish_media_not_ready:
      '{platform} не подготовил изображение к публикации за {seconds} с; одобрите пост снова, чтобы повторить',
    plan_media_unknown: 'Изображения по этому адресу нет: пост не одобрен, уже опубликован или адрес неверен',
    notification_unknown: 'Уведомления № {id} у вас нет',
    internal_error: 'Внутренняя ошибка сервера; сообщите администратору номер запроса {requestId}',
    web_not_built:
      'Веб-приложение ещё не собрано: выполните {command} в папке aqparat и обновите страницу (API уже работает: /api/docs)',
  },
  kk: {
    validation_failed: 'Деректер тексеруден өтпеді',
    not_found: 'Жазба табылмады',
    org_parent_kind: '«{kind}» түріндегі ұйымды «{parentKind}» түріндегі ұйымға бағындыруға болмайды',
    org_unknown: '«{code}» кодты ұйым табылмады',
    org_code_taken: '«{code}» ұйым коды бос емес',
    channel_unknown: '«{code}» кодты арна табылмады',
    channel_code_taken: '«{code}» арна коды бос емес',
    outlet_unknown: '«{code}» кодты БАҚ табылмады',
    outlet_code_taken: '«{code}» БАҚ коды бос емес',
    person_unknown: '№ {id} қызметкер табылмады',
    duplicate_record: 'Мұндай жазба бар: {what}',
    period_invalid:
      '«{value}» кезеңі танылмады: күндерді ЖЖЖЖ-АА-КК түрінде жазыңыз, басы соңынан кейін болмасын',
    period_reversed: 'Кезеңнің басы {from} оның соңынан {to} кейін: күндердің орнын ауыстырыңыз',
    option_invalid: '{option} параметрі «{value}» бола алмайды; рұқсат етілгені: {values}',
    import_format_unknown: '«{file}» файлының пішімі танылмады. Қолдау көрсетілетіндері: {formats}',
    import_source_unavailable: '«{file}» оқылмады: {detail}',
    import_file_truncated: '«{file}» файлы {line}-жолда (байт {position}) үзіледі: ол толық емес не қиылған',
    import_file_corrupt: '«{file}» файлы бүлінген: {line}-жолда (байт {position}) күтпеген «{found}» таңбасы',
    import_file_unreadable: '«{file}» файлы {format} ретінде оқылмады: {detail}',
    import_channel_required: '«{file}» импортталатын арнаны көрсетіңіз: aqparat import ФАЙЛ --channel КОД',
    import_chat_choice:
      '«{file}» файлында бірнеше чат бар, атауы не нөмірі бойынша біреуін таңдаңыз: {chats} (aqparat import ФАЙЛ --chat АТАУЫ)',
    import_chat_unknown: '«{file}» файлында «{chat}» чаты жоқ; барлары: {chats}',
    import_chat_group: `«{file}» — арнаның емес, «{chat}» тобының экспорты (түрі: {type}): қатысушылардың хабарламалары арнаның жарияланымдары ретінде есептелер еді. ${CONFIRM_CHAT_TYPE.kk}`,
    import_chat_personal: `«{file}» — арнаның емес, «{chat}» жеке хат алмасуының экспорты (түрі: {type}): оның хабарламалары арнаның жарияланымдары ретінде есептелер еді. ${CONFIRM_CHAT_TYPE.kk}`,
    import_chat_other: `«{file}» — арнаның емес, түрі белгісіз «{chat}» чатының экспорты ({type}): оның хабарламалары арнаның жарияланымдары ретінде есептелер еді. ${CONFIRM_CHAT_TYPE.kk}`,
    import_zip_no_posts: '«{file}» мұрағатында жарияланымдар файлы табылмады (ізделгені: {layouts})',
    import_sheet_kind_unknown:
      '«{file}» кестесінің тақырыптары ешбір үлгіге сәйкес келмейді ({kinds}); үлгіні алыңыз: aqparat template ТҮРІ',
    import_unknown: '№ {id} импорт табылмады',
    import_already_undone: '№ {id} импорттың күші бұрын жойылған',
    import_undo_blocked:
      '№ {id} импорттың күшін жою мүмкін емес: оның жазбаларын кейін № {later} импорт өзгертті; алдымен соның күшін жойыңыз',
    publication_unknown: '«{channel}» арнасында «{externalId}» жарияланымы табылмады',
    publication_id_unknown: '№ {id} жарияланым табылмады',
    unauthenticated: 'Жүйеге кіріңіз: сеанс басталмаған немесе мерзімі өткен',
    forbidden: 'Сіздің «{role}» рөліңізге бұл әрекет қолжетімсіз',
    login_failed: 'Логин немесе құпиясөз қате',
    login_throttled:
      'Осы логинмен сіздің мекенжайыңыздан сәтсіз кіру әрекеттері тым көп: келесі әрекет {seconds} с кейін, {until} (UTC) кейін',
    token_needs_session:
      'Қол жеткізу токенімен жіберілген сұрау жаңа токен жасай алмайды: логин мен құпиясөзбен кіріп, токенді сол сеанста жасаңыз',
    csrf_invalid: 'Сұрау қабылданбады: X-CSRF-Token тақырыбы жоқ немесе қате; бетті жаңартып, қайталаңыз',
    rate_limited: 'Сұраулар тым көп; {seconds} с кейін қайталаңыз',
    user_unknown: '«{login}» пайдаланушысы табылмады',
    user_login_taken: '«{login}» логині бос емес',
    role_not_allowed: '«{role}» рөлін тек әкімші тағайындай алады',
    record_in_use:
      'Жазбаны жоюға болмайды: оған басқа жазбалар сілтеме жасайды; алдымен соларды жойыңыз не ауыстырыңыз',
    audit_unknown: '№ {id} журнал жазбасы табылмады',
    audit_not_restorable: '№ {id} журнал жазбасы жою туралы емес немесе бұрын қалпына келтірілген',
    upload_too_large: 'Файл рұқсат етілген {limit} МБ-тан үлкен; жүктемені бөліктерге бөліңіз',
    upload_type: '«{type}» түріндегі файлдар қабылданбайды; JSON, CSV, XLSX, XML, HTML немесе ZIP жүктеңіз',
    import_running: '№ {id} импорт әлі жүріп жатыр; оның күшін ол аяқталғанда жоюға болады',
    import_interrupted:
      'Импорт үзілді: оның процесі жұмысын аяқтамай тоқтады. Сол файлды қайта импорттаңыз — қайталама импорт сақталғанды толықтырады',
    import_read_timeout:
      '«{file}» файлын оқу тоқтатылды: ол {seconds} с-тан көп уақыт алды. Файл бүлінген болуы мүмкін; оны тексеріңіз немесе бөліктерге бөліңіз',
    import_read_memory:
      '«{file}» файлын оқу тоқтатылды: оған {limit} МБ-тан көп жад қажет болды. Файл бүлінген болуы мүмкін; оны тексеріңіз немесе бөліктерге бөліңіз',
    import_read_stopped:
      '«{file}» файлын оқу соңына жетпей үзілді. Оны қайта жүктеңіз; бұл қайталанса, файл бүлінген болуы мүмкін: оны қайта сақтаңыз',
    import_strict_rejected:
      'Ештеңе сақталмады: {rejected} жазба қабылданбады, ал импорт қатаң; оларды түзетіп, файлды қайта жүктеңіз',
    collect_channel_missing: 'Telegram-да @{username} арнасы жоқ ({url}): арнаның мекенжайын тексеріңіз',
    collect_channel_group: 'Telegram-дағы @{username} — арна емес, топ ({url}): тек ашық арналар жиналады',
    collect_channel_bot:
      'Telegram-дағы @{username} — арна емес, бот немесе жеке аккаунт ({url}): тек ашық арналар жиналады',
    collect_channel_private:
      '{url} мекенжайы — жабық арнаға не топқа шақыру: олардың ашық беті жоқ, рұқсатсыз жинау мүмкін емес; Telegram Desktop экспортын импорттаңыз',
    collect_fetch_failed: '{url} жүктелмеді: {detail}',
    collect_interrupted:
      'Жинау үзілді: оның процесі жұмысын аяқтамай тоқтады; келесі жинау сақталғанды толықтырады',
    secret_key_invalid:
      '{setting} ішіндегі шифрлау кілті жарамсыз: 64 он алтылық цифрмен не 44 таңбалы {base64} түрінде жазылған 32 байт керек (берілген таңба саны: {length}); кілтті, мысалы, {example} командасы жасайды',
    secret_key_wrong:
      '«{channel}» арнасының токені {setting} кілтімен шифрдан шықпайды: токен берілгеннен кейін кілт ауыстырылған. {setting} ішіне бұрынғы кілтті қайтарыңыз немесе токенді қайта беріңіз: aqparat channel token --channel {channel} --stdin',
    collect_token_expired:
      'Арнаның кіру токенінің мерзімі өтті немесе ол кері қайтарылды ({detail}): жаңа токен берілгенше арнаны жинау тоқтатылды (aqparat channel token)',
    collect_rate_limited:
      'Graph API сұраулар жиілігін шектеді ({url}: {detail}); үзілісі ұзарған қайталаулар көмектеспеді: жинау келесі жолы жалғасады',
    collect_instagram_not_business:
      'Instagram арна мекенжайындағы атаумен бизнес не авторлық аккаунт таппады ({detail}): ұйымның аккаунты арқылы тек осындай аккаунттар оқылады. Арна мекенжайындағы аккаунт атауын тексеріңіз немесе арнаға өз токенін беріңіз (aqparat channel token)',
    collect_permission_missing:
      'Токенде {url} үшін қажетті рұқсат жоқ: {detail}. pages_read_engagement / instagram_basic рұқсаттары бар токен алып, оны қайта беріңіз',
    collect_page_missing: '{url} мекенжайы табылмады (HTTP {status}): арнаның мекенжайын тексеріңіз',
    collect_no_feed:
      '{url} бетінде RSS не Atom таспасы да, WordPress REST API да жоқ: арнаның мекенжайы ретінде оның RSS не Atom таспасының мекенжайын көрсетіңіз',
    collect_bot_rate_limited:
      'Telegram Bot API сұраулар жиілігін шектеді ({method}: {seconds} с күту керек); жинау келесі жолы жалғасады',
    schedule_unknown:
      '№ {id} анықтама таратылымы жоқ (немесе ол сіздің ұйымыңыздан тыс); тізімі: aqparat schedule list',
    schedule_smtp_missing:
      'Анықтамаларды тарататын пошта сервері берілмеген: оның мекенжайын {setting} ішінде көрсетіңіз, мысалы {example}',
    plan_post_unknown:
      'Жоспарда № {id} жазба жоқ (немесе ол сіздің ұйымыңыздан тыс); тізім: aqparat post list',
    plan_post_state: '№ {id} жазба қазір «{state}» күйінде: бұл қадам оған жасалмайды',
    plan_channel_not_allowed:
      '«{channel}» арнасы «{org}» ұйымына немесе жоғары тұрған ұйымға тиесілі емес (немесе жабық): жазбаны оған жіберуге болмайды',
    plan_image_invalid: 'Сурет {types} файлы болуы және {limit} МБ-тан аспауы керек (берілген байт: {size})',
    publish_text_too_long:
      'Мәтін {platform} қабылдайтыннан ұзын: {length} таңба, шегі {limit}; оны қысқартыңыз',
    publish_no_token:
      '«{channel}» арнасында жариялауға жарамды бот токені жоқ: оны aqparat channel token командасымен беріңіз',
    publish_no_address: '«{channel}» арнасында {example} түріндегі жария мекенжай жоқ: жариялайтын жер жоқ',
    publish_not_supported: '«{platform}» платформасына жариялау әзірге қолдау таппайды',
    publish_token_refused:
      '{platform} арна токенін қабылдамады ({detail}): жаңа токен беріңіз (aqparat channel token)',
    publish_rate_limited:
      '{platform} сұраулар жиілігін шектеді: {seconds} с күту керек; жазба келесі іске қосылғанда жіберіледі',
    publish_refused: '{platform} жазбаны қабылдамады: {detail}',
    publish_uncertain:
      'Жазбаның {platform} жеткені белгісіз ({detail}): келесі іске қосылғанда алдымен арнадан ізделеді, содан кейін ғана қайта жіберіледі',
    plan_instagram_image_required:
      'Instagram тек суреті бар жазбаларды жариялайды: сурет қосыңыз немесе «{channel}» арнасын алып тастаңыз',
    publish_no_public_url:
      'Instagram суретті сервердің жария мекенжайы арқылы алады, ал ол берілмеген: оны {setting} ішінде көрсетіңіз, мысалы {example}',
    publish_media_rejected: '{platform} суретті қабылдамады (күйі {status}: {detail})',
    publish_media_not_ready:
      '{platform} суретті {seconds} с ішінде жариялауға дайындамады; қайталау үшін жазбаны қайта бекітіңіз',
    plan_media_unknown:
      'Бұл мекенжай бойынша сурет жоқ: жазба бекітілмеген, жарияланып қойған немесе мекенжай қате',
    notification_unknown: 'Сізде № {id} хабарлама жоқ',
    internal_error: 'Сервердің ішкі қатесі; әкімшіге сұрау нөмірін {requestId} хабарлаңыз',
    web_not_built:
      'Веб-қосымша әлі жиналмаған: aqparat қалтасында {command} командасын орындап, бетті жаңартыңыз (API жұмыс істеп тұр: /api/docs)',
  },
  en: {
    validation_failed: 'The data did not pass validation',
    not_found: 'Record not found',
    org_parent_kind: 'An organization of kind "{kind}" cannot be placed under one of kind "{parentKind}"',
    org_unknown: 'No organization with code "{code}"',
    org_code_taken: 'Organization code "{code}" is already taken',
    channel_unknown: 'No channel with code "{code}"',
    channel_code_taken: 'Channel code "{code}" is already taken',
    outlet_unknown: 'No outlet with code "{code}"',
    outlet_code_taken: 'Outlet code "{code}" is already taken',
    person_unknown: 'No person with id {id}',
    duplicate_record: 'This record already exists: {what}',
    period_invalid: 'Period "{value}" not understood: write dates as YYYY-MM-DD, the start not after the end',
    period_reversed: 'The period starts on {from}, after its end {to}: swap the dates',
    option_invalid: 'Option {option} cannot be "{value}"; allowed: {values}',
    import_format_unknown: 'The format of "{file}" is not recognized. Supported: {formats}',
    import_source_unavailable: 'Cannot read "{file}": {detail}',
    import_file_truncated:
      'File "{file}" breaks off at line {line} (byte {position}): it is incomplete or truncated',
    import_file_corrupt:
      'File "{file}" is corrupted: unexpected character "{found}" at line {line} (byte {position})',
    import_file_unreadable: 'File "{file}" cannot be read as {format}: {detail}',
    import_channel_required: 'Name the channel to import "{file}" into: aqparat import FILE --channel CODE',
    import_chat_choice:
      'File "{file}" holds several chats; choose one by name or id: {chats} (aqparat import FILE --chat NAME)',
    import_chat_unknown: 'No chat "{chat}" in "{file}"; it has: {chats}',
    import_chat_group: `"{file}" is the export of a group, "{chat}" (type {type}), not of a channel: its members' messages would be counted as the channel's publications. ${CONFIRM_CHAT_TYPE.en}`,
    import_chat_personal: `"{file}" is the export of a personal chat, "{chat}" (type {type}), not of a channel: its messages would be counted as the channel's publications. ${CONFIRM_CHAT_TYPE.en}`,
    import_chat_other: `"{file}" is the export of a chat of unknown type, "{chat}" ({type}), not of a channel: its messages would be counted as the channel's publications. ${CONFIRM_CHAT_TYPE.en}`,
    import_zip_no_posts: 'No posts files found in archive "{file}" (looked for: {layouts})',
    import_sheet_kind_unknown:
      'The headers of "{file}" match no template ({kinds}); get one with: aqparat template KIND',
    import_unknown: 'No import with id {id}',
    import_already_undone: 'Import {id} is already undone',
    import_undo_blocked:
      'Import {id} cannot be undone: import {later} changed its records later; undo that one first',
    publication_unknown: 'No publication "{externalId}" in channel "{channel}"',
    publication_id_unknown: 'No publication with id {id}',
    unauthenticated: 'Sign in: no session, or it has expired',
    forbidden: 'Your role "{role}" may not do this',
    login_failed: 'Wrong login or password',
    login_throttled:
      'Too many failed sign-ins with this login from your address: try again in {seconds} s, after {until} (UTC)',
    token_needs_session:
      'A request made with an API token cannot create another token: sign in with your login and password and create it in that session',
    csrf_invalid: 'Request refused: the X-CSRF-Token header is missing or wrong; reload the page and retry',
    rate_limited: 'Too many requests; retry in {seconds} s',
    user_unknown: 'No user "{login}"',
    user_login_taken: 'Login "{login}" is already taken',
    role_not_allowed: 'Only an administrator may grant the role "{role}"',
    record_in_use: 'The record cannot be deleted: other records refer to it; delete or move them first',
    audit_unknown: 'No audit entry {id}',
    audit_not_restorable: 'Audit entry {id} is not a delete, or was already restored',
    upload_too_large: 'The file is larger than the allowed {limit} MB; split the export',
    upload_type: 'Files of type "{type}" are not accepted; upload JSON, CSV, XLSX, XML, HTML or ZIP',
    import_running: 'Import {id} is still running; it can be undone once it has finished',
    import_interrupted:
      'The import was interrupted: its process stopped before it finished. Import the same file again to complete it',
    import_read_timeout:
      'Reading "{file}" was stopped: it took longer than {seconds} s. The file is probably damaged; check it or split it into parts',
    import_read_memory:
      'Reading "{file}" was stopped: it needed more than {limit} MB of memory. The file is probably damaged; check it or split it into parts',
    import_read_stopped:
      'Reading "{file}" stopped before its end. Upload it again; if this happens again, the file is probably damaged: save it anew',
    import_strict_rejected:
      'Nothing was stored: {rejected} records were rejected and the import is strict; fix them and upload the file again',
    collect_channel_missing: "Telegram has no channel @{username} ({url}): check the channel's address",
    collect_channel_group:
      '@{username} on Telegram is a group, not a channel ({url}): only public channels are collected',
    collect_channel_bot:
      '@{username} on Telegram is a bot or a personal account, not a channel ({url}): only public channels are collected',
    collect_channel_private:
      '{url} is an invitation to a private channel or group: it has no public page and cannot be collected without access; import a Telegram Desktop export instead',
    collect_fetch_failed: 'Could not load {url}: {detail}',
    collect_interrupted:
      'The collection was interrupted: its process stopped before it finished; the next collection completes what was stored',
    secret_key_invalid:
      'The encryption key from {setting} does not fit: it must be 32 bytes written as 64 hex digits or as 44 characters of {base64} (given: {length} characters); make one with, e.g., {example}',
    secret_key_wrong:
      'The token of channel "{channel}" cannot be decrypted with the key from {setting}: the key was changed after the token was set. Put the former key back in {setting}, or set the token again: aqparat channel token --channel {channel} --stdin',
    collect_token_expired:
      "The channel's access token has expired or was revoked ({detail}): the channel is not collected until a new token is set (aqparat channel token)",
    collect_rate_limited:
      'The Graph API limited the request rate ({url}: {detail}); retries with a growing pause did not help: the next collection will go on',
    collect_instagram_not_business:
      "Instagram found no business or creator account by the name in the channel's address ({detail}): only such accounts are read through an organization's account. Check the account's name in the channel's address or set the channel its own token (aqparat channel token)",
    collect_permission_missing:
      'The token lacks a permission {url} needs: {detail}. Get a token with pages_read_engagement / instagram_basic and set it again',
    collect_page_missing: "Nothing found at {url} (HTTP {status}): check the channel's address",
    collect_no_feed:
      "{url} has no RSS or Atom feed and no WordPress REST API: give the channel its feed's address (e.g. https://site/feed/)",
    collect_bot_rate_limited:
      'The Telegram Bot API limited the request rate ({method}: wait {seconds} s); the next collection will go on',
    schedule_unknown:
      'There is no brief schedule No. {id} (or it is outside your organization); list them: aqparat schedule list',
    schedule_smtp_missing:
      'No mail server to send briefs through: give its address in {setting}, e.g. {example}',
    plan_post_unknown:
      'No planned post No. {id} (or it is outside your organization); list them: aqparat post list',
    plan_post_state: 'Post No. {id} is {state}: this step cannot be taken from there',
    plan_channel_not_allowed:
      'Channel "{channel}" belongs neither to "{org}" nor to an organization above it (or is closed): the post cannot go there',
    plan_image_invalid: 'The image must be a {types} file of at most {limit} MB ({size} bytes given)',
    publish_text_too_long:
      'The text is longer than {platform} takes: {length} characters, the limit is {limit}; shorten it',
    publish_no_token:
      'Channel "{channel}" has no valid bot token to publish with: set one with aqparat channel token',
    publish_no_address: 'Channel "{channel}" has no public address such as {example}: nowhere to publish',
    publish_not_supported: 'Publishing to {platform} is not supported yet',
    publish_token_refused:
      "{platform} refused the channel's token ({detail}): set a new one (aqparat channel token)",
    publish_rate_limited:
      '{platform} limited the rate of requests: wait {seconds} s; the post is sent on the next run',
    publish_refused: '{platform} did not accept the post: {detail}',
    publish_uncertain:
      'Whether the post reached {platform} is unknown ({detail}): the next run looks for it on the channel before sending it again',
    plan_instagram_image_required:
      'Instagram publishes only posts with an image: add an image or remove channel "{channel}"',
    publish_no_public_url:
      "Instagram fetches the image from the server's public address, which is not set: set it in {setting}, e.g. {example}",
    publish_media_rejected: '{platform} did not accept the image (status {status}: {detail})',
    publish_media_not_ready:
      '{platform} did not get the image ready for publishing within {seconds} s; approve the post again to retry',
    plan_media_unknown:
      'No image at this address: the post is not approved, already published, or the address is wrong',
    notification_unknown: 'You have no notification No. {id}',
    internal_error: 'Internal server error; tell the administrator the request id {requestId}',
    web_not_built:
      'The web application has not been built: run {command} in the aqparat folder and reload the page (the API already works: /api/docs)',
  },
};

export const FIELD_TEXTS: Texts<FieldIssueCode> = {
  ru: {
    required: 'обязательное поле',
    invalid_type: 'неверный тип значения',
    too_small: 'не меньше {min}',
    too_big: 'не больше {max}',
    not_one_of: 'допустимые значения: {values}',
    unknown_field: 'неизвестное поле',
    invalid_format: 'неверный формат ({format})',
    invalid: 'неверное значение: {detail}',
    unknown_org: 'нет организации с кодом «{code}»',
    unknown_channel: 'нет канала с кодом «{code}»',
    unknown_outlet: 'нет СМИ с кодом «{code}»',
    unknown_person: 'нет сотрудника № {id}',
    kind_not_allowed_under: 'вид «{kind}» нельзя подчинить виду «{parentKind}»',
    taken: 'значение «{value}» уже занято',
    invalid_date: 'дата не распознана: «{value}»',
    invalid_number: 'не целое неотрицательное число: «{value}»',
    ambiguous_channel:
      'у организации «{org}» несколько каналов на платформе «{platform}»; укажите код канала',
    no_channel_on_platform: 'у организации «{org}» нет канала на платформе «{platform}»',
    empty_post: 'нет ни заголовка, ни текста, ни ссылки',
    nothing_to_correct: 'не указано, что исправить: тема, темы, декларативность, репост или язык',
    invalid_json: 'строка не читается как объект с полями',
    password_too_short:
      'пароль короче {min} знаков (в нём {length}; пробелы по краям не считаются, подряд идущие — за один); возьмите, например, фразу из нескольких слов',
    password_common:
      'этот пароль есть в списке самых частых и утёкших паролей, его подбирают первым; выберите другой, например фразу из нескольких не связанных слов',
    not_http_url: 'нужна полная ссылка, начинающаяся с http:// или https://',
    root_admin_only:
      'организацию без вышестоящей добавляет только администратор; укажите как вышестоящую свою организацию или подчинённую ей',
    shared_outlet_admin_only:
      'СМИ без организации (общее для всех) добавляет только администратор; укажите свою организацию или подчинённую ей',
    one_language_required:
      'напишите текст на русском или на казахском языке (можно на обоих; оставить пустыми оба нельзя)',
  },
  kk: {
    required: 'міндетті өріс',
    invalid_type: 'мән түрі қате',
    too_small: '{min} кем емес',
    too_big: '{max} артық емес',
    not_one_of: 'рұқсат етілген мәндер: {values}',
    unknown_field: 'белгісіз өріс',
    invalid_format: 'пішімі қате ({format})',
    invalid: 'мәні қате: {detail}',
    unknown_org: '«{code}» кодты ұйым жоқ',
    unknown_channel: '«{code}» кодты арна жоқ',
    unknown_outlet: '«{code}» кодты БАҚ жоқ',
    unknown_person: '№ {id} қызметкер жоқ',
    kind_not_allowed_under: '«{kind}» түрін «{parentKind}» түріне бағындыруға болмайды',
    taken: '«{value}» мәні бос емес',
    invalid_date: 'күн танылмады: «{value}»',
    invalid_number: 'теріс емес бүтін сан емес: «{value}»',
    ambiguous_channel:
      '«{org}» ұйымының «{platform}» платформасында бірнеше арнасы бар; арна кодын көрсетіңіз',
    no_channel_on_platform: '«{org}» ұйымының «{platform}» платформасында арнасы жоқ',
    empty_post: 'тақырыбы да, мәтіні де, сілтемесі де жоқ',
    nothing_to_correct:
      'нені түзету керегі көрсетілмеген: тақырып, тақырыптар, декларативтілік, репост не тіл',
    invalid_json: 'жол өрістері бар нысан ретінде оқылмайды',
    password_too_short:
      'құпиясөз {min} таңбадан қысқа (онда {length}; шетіндегі бос орындар саналмайды, қатар тұрғандары бір рет саналады); мысалы, бірнеше сөзден тұратын тіркесті алыңыз',
    password_common:
      'бұл құпиясөз ең жиі қолданылатын және жария болған құпиясөздер тізімінде бар, оны бірінші болып тексереді; басқасын таңдаңыз, мысалы, бір-біріне қатысы жоқ бірнеше сөзден тұратын тіркес',
    not_http_url: 'http:// немесе https:// басталатын толық сілтеме керек',
    root_admin_only:
      'жоғары тұрған ұйымы жоқ ұйымды тек әкімші қосады; жоғары тұрған ұйым ретінде өз ұйымыңызды не оған бағынатын ұйымды көрсетіңіз',
    shared_outlet_admin_only:
      'ұйымы жоқ (барлығына ортақ) БАҚ-ты тек әкімші қосады; өз ұйымыңызды не оған бағынатын ұйымды көрсетіңіз',
    one_language_required:
      'мәтінді қазақ не орыс тілінде жазыңыз (екеуінде де болады; екеуін де бос қалдыруға болмайды)',
  },
  en: {
    required: 'required',
    invalid_type: 'wrong type of value',
    too_small: 'at least {min}',
    too_big: 'at most {max}',
    not_one_of: 'allowed values: {values}',
    unknown_field: 'unknown field',
    invalid_format: 'wrong format ({format})',
    invalid: 'invalid value: {detail}',
    unknown_org: 'no organization with code "{code}"',
    unknown_channel: 'no channel with code "{code}"',
    unknown_outlet: 'no outlet with code "{code}"',
    unknown_person: 'no person with id {id}',
    kind_not_allowed_under: 'kind "{kind}" cannot be placed under kind "{parentKind}"',
    taken: '"{value}" is already taken',
    invalid_date: 'not a date: "{value}"',
    invalid_number: 'not a whole non-negative number: "{value}"',
    ambiguous_channel: 'organization "{org}" has several channels on "{platform}"; give the channel code',
    no_channel_on_platform: 'organization "{org}" has no channel on "{platform}"',
    empty_post: 'has no title, text or link',
    nothing_to_correct: 'nothing to correct: give a topic, topics, declarative, repost or language',
    invalid_json: 'the line is not a JSON object',
    password_too_short:
      'the password is shorter than {min} characters (it has {length}; spaces at its ends do not count, a run of spaces counts once); a phrase of a few words, for example',
    password_common:
      'this password is on the list of the most common and breached passwords, which are tried first; choose another, e.g. a phrase of a few unrelated words',
    not_http_url: 'give a full link starting with http:// or https://',
    root_admin_only:
      'only an administrator adds an organization without a parent; give your own organization or one under it as the parent',
    shared_outlet_admin_only:
      'only an administrator adds an outlet of no organization (shared by all); give your own organization or one under it',
    one_language_required: 'write the text in Russian or in Kazakh (or both; both cannot be left empty)',
  },
};

const RECORD_WORD: Readonly<Record<UiLang, string>> = { ru: 'запись', kk: 'жазба', en: 'record' };
const FIELD_WORD: Readonly<Record<UiLang, string>> = { ru: 'поле', kk: 'өріс', en: 'field' };

export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

function isFieldIssueCode(code: string): code is FieldIssueCode {
  return (FIELD_ISSUE_CODES as readonly string[]).includes(code);
}

export function describeFieldIssue(issue: FieldIssue, lang: UiLang): string {
  const template = isFieldIssueCode(issue.code) ? FIELD_TEXTS[lang][issue.code] : issue.code;
  return `${FIELD_WORD[lang]} «${issue.path}»: ${interpolate(template, issue.params)}`;
}

/** One message naming the record and every field at fault, e.g. for the CLI or a log line. */
export function describeError(
  error: {
    code: ErrorCode;
    params?: Record<string, string | number>;
    record?: string;
    fields?: readonly FieldIssue[];
  },
  lang: UiLang,
): string {
  const head = interpolate(ERROR_TEXTS[lang][error.code], error.params);
  const record = error.record ? ` (${RECORD_WORD[lang]}: ${error.record})` : '';
  const fields = (error.fields ?? []).map((issue) => describeFieldIssue(issue, lang));
  return [`${head}${record}`, ...fields].join('; ');
}

/** The kinds of notification a user gets, each a subject and a text (the content plan's failed sending). */
export const NOTIFICATION_KINDS = ['publish_failed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_TEXTS: Readonly<
  Record<UiLang, Readonly<Record<NotificationKind, { subject: string; text: string }>>>
> = {
  ru: {
    publish_failed: {
      subject: 'aqparat: пост № {post} не опубликован в «{channel}»',
      text: 'Пост № {post} не опубликован в канале «{channel}»: {reason}',
    },
  },
  kk: {
    publish_failed: {
      subject: 'aqparat: № {post} жазба «{channel}» арнасында жарияланбады',
      text: '№ {post} жазба «{channel}» арнасында жарияланбады: {reason}',
    },
  },
  en: {
    publish_failed: {
      subject: 'aqparat: post No. {post} was not published to "{channel}"',
      text: 'Post No. {post} was not published to channel "{channel}": {reason}',
    },
  },
};

/**
 * A plan-against-fact row: a count planned for the period (and due by today at its pace), a share, a level; then
 * the days left, or that the period is over. `—` stands for a fact not measured.
 */
export const PLAN_FACT_TEXTS: Readonly<
  Record<UiLang, Readonly<Record<'count' | 'share' | 'level' | 'left' | 'over', string>>>
> = {
  ru: {
    count: '{metric}: {fact} из {planned} по плану на период (к этому дню — {expected})',
    share: '{metric}: {fact} % при плане {planned} %',
    level: '{metric}: {fact} при плане {planned}',
    left: 'осталось дней: {days}',
    over: 'период завершён',
  },
  kk: {
    count: '{metric}: кезеңге жоспарланған {planned} ішінен {fact} (осы күнге дейін — {expected})',
    share: '{metric}: жоспардағы {planned} % орнына {fact} %',
    level: '{metric}: жоспардағы {planned} орнына {fact}',
    left: 'қалған күн: {days}',
    over: 'кезең аяқталды',
  },
  en: {
    count: '{metric}: {fact} of {planned} planned for the period ({expected} by today)',
    share: '{metric}: {fact}% of {planned}% planned',
    level: '{metric}: {fact} of {planned} planned',
    left: '{days} days left',
    over: 'the period is over',
  },
};
