/**
 * The general rules of issue 20, each on short texts of the real set's development part (data/eval/real, `dev`;
 * their ids in comments), labelled by docs/LABELLING.md: words shared with general news count for a union topic
 * only beside a union or a workplace, and one checkable fact makes a text concrete.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { Lexicon } from '../../src/analysis/lexicon.js';
import { tokenize } from '../../src/analysis/tokens.js';

const topicOf = (text: string) => classify(text).primaryTopic;

describe('a union topic needs its context', () => {
  it('a law is legal beside workers, not a law-breaker warned', () => {
    // real0267, real0164
    expect(topicOf('Барлық кемшілікті анықтап, заң бұзғандарға ескерту жасайтын боламыз.')).toBe('other');
    expect(topicOf('Педагогтар туралы заң да осы келесі 5-інші сессияда қаралады деген ойдамыз.')).toBe(
      'legal',
    );
  });

  it('benefits of the unemployed, pensions, tuition and a kindergarten fee are not pay', () => {
    // real0082, real0030, real0170, real0049
    expect(
      topicOf(
        'Қазақстанда жұмыссыз, асыраушысыз қалған және еңбек ету қабілетінен айырылған азаматтарға берілетін жәрдемақы көлемі өседі. Бұл төлемдер 30%-ке дейін көбеюі мүмкін.',
      ),
    ).toBe('other');
    expect(topicOf('Зейнетақылар мен жәрдемақылар уақытылы және толық көлемде төленеді.')).toBe('other');
    expect(topicOf('Тіпті колледжде оқитын ұлымды оқу ақысын төлемегендіктен, оқудан шығарып жіберді.')).toBe(
      'other',
    );
    expect(
      topicOf(
        '«Қала әкімінің тапсырмасымен жекеменшік балабақшалардағы төлемақы мәселесіне мониторинг жасалады», — дейді мамандар.',
      ),
    ).toBe('other');
  });

  it("a union's nomination is organizational; a party's council is not", () => {
    // real0175: «сайлауға» continues «сайла» though «есепті сайлау» holds the longer root «сайлау».
    expect(
      topicOf(
        '2000000-нан астам мүшесі бар Қазақстан Кәсіподақтар федерациясы президенттік сайлауға өз кандидатын ұсынды.',
      ),
    ).toBe('organizational');
    // real0212, real0154
    expect(
      topicOf(
        'Партияның саяси кеңесі бюросының отырысында Мәжіліс депутаттарының мандаттарын беру туралы шешім қабылданды.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Қазір елде екі жүздей қоғамдық кеңес болса, Батыс Қазақстан облысында он төрт кеңес жемісті еңбек етуде.',
      ),
    ).toBe('other');
  });

  it("a state prize, a state title and pupils' sport are not a union's support", () => {
    // real0019, real0072, real0050
    expect(topicOf('Мемлекеттік хатшы бұл сыйлық ел дамуындағы еңбектің бағасы екенін айтты.')).toBe('other');
    expect(
      topicOf(
        'Өз кезегінде Қасым-Жомарт Тоқаев Роза Рымбаеваны «Қазақстанның Еңбек Ері» атағын алуымен құттықтап, шығармашылық табыс тіледі.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Біздің мектептің балалары спортпен, музыкамен, жалпы жанына жақын нәрсемен айналысқанын қалаймыз.',
      ),
    ).toBe('other');
  });

  it('youth at large is not young workers, even where experts speak', () => {
    // real0230, real0268
    expect(
      topicOf(
        'Мамандар: «Бұл дерт түрлерінің жастар арасында таралуына қазіргі экологиялық ахуал да себеп болуы мүмкін», — дейді.',
      ),
    ).toBe('other');
    expect(topicOf('Сондықтан қазір жастармен көп жұмыс атқарып жүрміз.')).toBe('other');
  });

  it('a ministry, an administration, a frost, a ballot and shared impressions name no union topic', () => {
    // real0069, real0103, real0242, real0334, real0396, real0091
    expect(
      topicOf(
        'Сонымен қатар министрлік студенттер бір жоғары оқу орнынан екіншісіне ауысқанда грантын сақтап қала алатын мүмкіндік жасамақшы.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Бұл нөмір жүз жиырма бесінші мемлекеттік балабақша бизнестің әлеуметтік жауапкершілігі аясында салынып, әкімшілікке тапсырылған.',
      ),
    ).toBe('other');
    expect(topicOf('Өңірде күн күрт суытып, сынап бағанасы отыз бес градусқа дейін түсіп кетті.')).toBe(
      'other',
    );
    expect(topicOf('Трусы могут порвать бюллетень, испортить его, высморкаться в него и т.д.')).toBe('other');
    expect(topicOf('Смотрим, оцениваем, делимся впечатлениями и подводим итог в нашем опросе.')).toBe(
      'other',
    );
    expect(
      topicOf('Мектепте өздеріңізге белгілі шығарма жазылады әр кезде, сонда шығармалар да жазатынбыз.'),
    ).toBe('other');
  });

  it('a Kazakh word continues every root it starts with, not only the longest', () => {
    // real0175's «Кәсіподақтар … сайлауға»: «сайлау» (of «есепті сайлау») and «сайла» are both roots of it.
    const lexicon = new Lexicon([
      { label: 'organizational', weight: 3, kk: ['есепті сайлау'] },
      { label: 'organizational', weight: 2, kk: ['сайла'] },
    ]);
    const terms: string[] = [];
    lexicon.match(tokenize('президенттік сайлауға'), (entry) => terms.push(entry.term));
    expect(terms).toEqual(['сайла']);
  });
});

describe('one checkable fact makes a text concrete', () => {
  it('a named person alone', () => {
    // real0034
    const result = classify(
      'Қасым-Жомарт Тоқаев ерікті болып жүрген студенттердің шәкіртақысын көтеру керектігін де тілге тиек етті.',
    );
    expect(result.declarative).toBe(false);
  });

  it('a named institution, place or programme: a name before the noun, or quoted', () => {
    // real0064, real0186
    const plant = classify(
      'Шығыс Қазақстан облысы Серебрянск қаласындағы өндірістік бетперде шығаратын зауыт жұмысшылары.',
    );
    expect(plant.declarative).toBe(false);
    expect(plant.reasons.concrete).toContain('institution:Серебрянск қаласындағы');
    const programme = classify(
      'Жұмыспен қамту орталығында «Еңбек» бағдарламасы жөнінде де толық мағлұмат беріледі.',
    );
    expect(programme.declarative).toBe(false);
    expect(programme.reasons.concrete).toContain('institution:Еңбек» бағдарламасы');
    // real0063: a capital across a comma names nothing.
    expect(
      classify(
        'Сондықтан оқушылар 3D модельдеу, бағдарлама жасау, робот техникаларды құрастыру сынды шаруалармен жақсы таныс.',
      ).declarative,
    ).toBe(true);
  });

  it('Kazakh tens and thousands count; Russian «он» (he) and a year spelled out do not', () => {
    // real0037, real0449, real0073
    expect(
      classify('Айта кетейік, таяуда нөмірі жиырма сегізінші мектепте мың баладан құралған хордың.')
        .declarative,
    ).toBe(false);
    const he = classify('Но ему повезло, он не разбился, а встретил мальчика.');
    expect(he.declarative).toBe(true);
    expect(he.reasons.concrete).toEqual([]);
    expect(
      classify('Өкінішке қарай, екі мың тоғызыншы жылғы мектеп оқушысы ауруханада көз жұмды.').reasons
        .concrete,
    ).toEqual([]);
  });

  it('a number that counts nothing: «1», a list item, a name like «3D», an account', () => {
    // real0093, real0363, real0155, real0346
    for (const text of [
      'Көмекке мұқтаж ата-аналар 1 баланың өзін мектепке дайындаудың оңай еместігін айтады.',
      '5) комплект навески (канат, кольца, веревочная лесенка, отдельная навесная перекладина-трапеция)',
      'Сондықтан оқушылар 3Д модельдеу, бағдарлама жасау, робот техникаларды құрастыру сынды шаруалармен жақсы таныс.',
      '@screened-147 сама ТВ не смотрю, понимаю, что у нас, Инстаграмщич😉, пробел в знаниях',
    ]) {
      expect(classify(text).declarative, text).toBe(true);
    }
  });

  it('a result asked about, or an after-school group, is no result', () => {
    // real0271, real0657
    expect(
      classify('По каким критериям правительство решило увеличить пенсионный возраст?').declarative,
    ).toBe(true);
    expect(
      classify(
        'В настоящее время здесь размещаются районный молодёжный культурный центр, школьные группы продлённого дня и библиотека.',
      ).declarative,
    ).toBe(true);
  });

  it('a decision adopted is a result; a count stays a fact beside a formula', () => {
    // real0265, real0179
    expect(
      classify('Екі мың жиырма бесінші жылдан бастап латын қарпіне толық көшеміз деген шешім қабылданған.')
        .declarative,
    ).toBe(false);
    expect(
      classify('Биылғы маусымда осы мектептердің 12-сіне күрделі жөндеу жұмыстары жүргізіліп жатыр.')
        .declarative,
    ).toBe(false);
  });
});

describe("the development part's second batch (real0661–real0949)", () => {
  it('law enforcement, a criminal code and legal aid between states are not workers’ rights', () => {
    // real0808, real0686, real0873, real0840
    expect(
      topicOf(
        'Құқық қорғау органдарының қызметкерлері олардың уақытша тұрған мекенжайын тінтіп, қару-жарақ пен оқ-дәрілер тәркіледі.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Қылмыстық кодексінің 366-ншы бабы 4-інші бөлігімен айыпталған Аманғалиев Серік кінәлі деп танылсын.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Сондай-ақ Қазақстан мен Вьетнам арасында өзара құқықтық көмек көрсету жөніндегі келісімді ратификациялау мәселесі талқыланды.',
      ),
    ).toBe('other');
    expect(
      topicOf(
        'Европейский Суд по правам человека, в соответствии со статьёй 24 параграф 2 Конвенции, принял решение объявить Вашу жалобу неприемлемой.',
      ),
    ).toBe('other');
    // Beside work they still are: the Labour Code's article, a union's defence of its members' rights.
    expect(topicOf('Еңбек кодексінің 52-бабы бойынша жұмыс беруші мұғалімді жұмыстан шығара алмайды.')).toBe(
      'legal',
    );
    expect(topicOf('Кәсіподақ мүшелерінің еңбек құқықтарын қорғау — басты міндет.')).toBe('legal');
  });

  it('hours a week are a workload, a possessed «айлық» a salary, a graduate beside work a young specialist', () => {
    // real0797, real0711, real0761, real0865
    expect(topicOf('Попробуй у нас найди работу меньше 40 часов в неделю...)')).toBe('pay');
    expect(
      topicOf('Қанша тер төгіп жұмыс істесең де алатының айлығың кей кезде шайлығыңа әрең жетеді.'),
    ).toBe('pay');
    expect(topicOf('Екі мың он жетінші жылы үшінші курс кезінде практикант болып жұмысқа келдім.')).toBe(
      'youth',
    );
    expect(topicOf('Осындай таңдауды мектеп бітірген түлектердің 96380-і таңдаған екен.')).toBe('other');
  });

  it('an official by post, a norm by law and a result are facts; a span of years and dates alone are not', () => {
    // real0675, real0802, real0806, real0715, real0663
    expect(
      classify('Президент өңірде жұмыссыз жүргендердің әлі де азаймай жатқанын айтты.').declarative,
    ).toBe(false);
    expect(
      classify('Министрлер мен әкімдер жұмыстың бағаланатынын жақсылап түсінсін.').reasons.concrete,
    ).toEqual([]);
    expect(
      classify(
        'Согласно закону, граждане страны получат «свободный бесплатный доступ к любительской рыбалке».',
      ).declarative,
    ).toBe(false);
    expect(
      classify('Одан бөлек басшылық лауазымдағы бірнеше қызметкер жұмыстарынан босатылды.').declarative,
    ).toBe(false);
    const span = classify(
      'Осы отыз жылдың ішінде қаншама ересен еңбектің арқасында болып тұрған дүние деп санаймыз.',
    );
    expect(span.reasons.concrete).toContain('date:отыз жылдың');
    const dates = classify(
      'Алдын ала тыңдаулар 5-інші қаңтарда, ал алғашқы сот отырысы 9-ыншы қаңтарда өтті.',
    );
    expect(dates.reasons.concrete).toEqual(['date:5-інші қаңтарда', 'date:9-ыншы қаңтарда']);
    expect(dates.declarative).toBe(true);
  });
});
