/**
 * Official-style names of primary union organizations (ППО / БКҰ) of the demo region, built from the employer
 * institution's kind, settlement and number. Pure and deterministic.
 *
 * Conventions: ru `ППО КГУ «Средняя школа № 12 г. Семей»`, kk `«Семей қаласының № 12 орта мектебі» КММ БКҰ`.
 */
import { BRANCH_PLACES, type Bilingual, type BranchKey } from './abai.places.js';

export const PRIMARY_KINDS = [
  'school',
  'kindergarten',
  'college',
  'gymnasium',
  'lyceum',
  'special_school',
  'extracurricular',
  'education_department',
] as const;
export type PrimaryKind = (typeof PRIMARY_KINDS)[number];

type SettlementType = 'city' | 'town' | 'village';

// Settlement status matters for the genitive in a name: «г. Семей», «поселка Шульбинск», «села Караул».
const CITIES: ReadonlySet<string> = new Set(['Семей', 'Аягоз', 'Шар']);
const TOWNS: ReadonlySet<string> = new Set(['Шульбинск', 'Жезкент', 'Ауэзов', 'Акжал']);

function settlementType(locality: Bilingual): SettlementType {
  if (CITIES.has(locality.ru)) return 'city';
  if (TOWNS.has(locality.ru)) return 'town';
  return 'village';
}

/** «г. Семей» / «поселка Шульбинск» / «села Караул» — as it follows an institution's name. */
function ruLocalityGen(locality: Bilingual): string {
  switch (settlementType(locality)) {
    case 'city':
      return `г. ${locality.ru}`;
    case 'town':
      return `поселка ${locality.ru}`;
    case 'village':
      return `села ${locality.ru}`;
  }
}

/** «Семей қаласының» / «Шүлбі кентінің» / «Қарауыл ауылының». */
function kkLocalityGen(locality: Bilingual): string {
  switch (settlementType(locality)) {
    case 'city':
      return `${locality.kk} қаласының`;
    case 'town':
      return `${locality.kk} кентінің`;
    case 'village':
      return `${locality.kk} ауылының`;
  }
}

/** «г. Семей» / «пос. Шульбинск» / «с. Караул» and «Семей қаласы» / «Шүлбі кенті» / «Қарауыл ауылы». */
function localityShort(locality: Bilingual): Bilingual {
  switch (settlementType(locality)) {
    case 'city':
      return { ru: `г. ${locality.ru}`, kk: `${locality.kk} қаласы` };
    case 'town':
      return { ru: `пос. ${locality.ru}`, kk: `${locality.kk} кенті` };
    case 'village':
      return { ru: `с. ${locality.ru}`, kk: `${locality.kk} ауылы` };
  }
}

/** Names given to un-numbered schools: ru genitive after «имени», kk before «атындағы». */
const EPONYMS: readonly Bilingual[] = [
  { ru: 'Абая', kk: 'Абай' },
  { ru: 'Шакарима', kk: 'Шәкәрім' },
  { ru: 'Мухтара Ауэзова', kk: 'Мұхтар Әуезов' },
  { ru: 'Ы. Алтынсарина', kk: 'Ы. Алтынсарин' },
  { ru: 'Жамбыла', kk: 'Жамбыл' },
  { ru: 'А. Байтурсынова', kk: 'А. Байтұрсынұлы' },
  { ru: 'Абылай хана', kk: 'Абылай хан' },
  { ru: 'Кабанбай батыра', kk: 'Қабанбай батыр' },
  { ru: 'С. Сейфуллина', kk: 'С. Сейфуллин' },
  { ru: 'М. Жумабаева', kk: 'М. Жұмабаев' },
];

const KINDERGARTEN_NAMES: readonly Bilingual[] = [
  { ru: 'Балдырган', kk: 'Балдырған' },
  { ru: 'Балапан', kk: 'Балапан' },
  { ru: 'Айголек', kk: 'Айгөлек' },
  { ru: 'Акбота', kk: 'Ақбота' },
  { ru: 'Еркетай', kk: 'Еркетай' },
  { ru: 'Кулыншак', kk: 'Құлыншақ' },
  { ru: 'Болашак', kk: 'Болашақ' },
  { ru: 'Шаттык', kk: 'Шаттық' },
];

/** Profiles of un-numbered colleges: ru nominative, kk with the possessive ending. */
const COLLEGE_PROFILES: readonly Bilingual[] = [
  { ru: 'Педагогический колледж', kk: 'педагогикалық колледжі' },
  { ru: 'Гуманитарный колледж', kk: 'гуманитарлық колледжі' },
  { ru: 'Аграрно-технический колледж', kk: 'аграрлық-техникалық колледжі' },
  { ru: 'Политехнический колледж', kk: 'политехникалық колледжі' },
  { ru: 'Колледж сервиса', kk: 'қызмет көрсету колледжі' },
];

/** Un-numbered institutions of extracurricular education. */
const EXTRACURRICULAR_KINDS: readonly Bilingual[] = [
  { ru: 'Центр детского творчества', kk: 'балалар шығармашылығы орталығы' },
  { ru: 'Дом школьников', kk: 'оқушылар үйі' },
  { ru: 'Центр дополнительного образования', kk: 'қосымша білім беру орталығы' },
];

/** District in the names of education departments: ru dative after «по», kk before «бойынша». */
const DEPARTMENT_AREAS: Readonly<Record<BranchKey, Bilingual>> = {
  abai: { ru: 'Абайскому району', kk: 'Абай ауданы' },
  aksuat: { ru: 'Аксуатскому району', kk: 'Ақсуат ауданы' },
  ayagoz: { ru: 'Аягозскому району', kk: 'Аягөз ауданы' },
  beskaragai: { ru: 'Бескарагайскому району', kk: 'Бесқарағай ауданы' },
  borodulikha: { ru: 'Бородулихинскому району', kk: 'Бородулиха ауданы' },
  zharma: { ru: 'Жарминскому району', kk: 'Жарма ауданы' },
  kokpekti: { ru: 'Кокпектинскому району', kk: 'Көкпекті ауданы' },
  urdzhar: { ru: 'Урджарскому району', kk: 'Үржар ауданы' },
  semey: { ru: 'городу Семей', kk: 'Семей қаласы' },
};

/** Deterministic pick from a list, keyed by text, so that one settlement keeps its names across runs. */
function pick<T>(list: readonly T[], key: string): T {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const item = list[hash % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

interface Institution {
  /** Legal form: ru before the quoted name, kk after it. */
  form: Bilingual;
  /** The quoted name, locality included. */
  name: Bilingual;
}

function institution(kind: PrimaryKind, locality: Bilingual, number: number | null): Institution {
  const ruLoc = ruLocalityGen(locality);
  const kkLoc = kkLocalityGen(locality);
  const no = number === null ? null : `№ ${number}`;
  const eponym = pick(EPONYMS, `${kind}:${locality.ru}`);
  const kgu: Bilingual = { ru: 'КГУ', kk: 'КММ' };
  const kgkp: Bilingual = { ru: 'КГКП', kk: 'МКҚК' };
  switch (kind) {
    case 'school':
      return {
        form: kgu,
        name:
          no === null
            ? {
                ru: `Средняя школа имени ${eponym.ru} ${ruLoc}`,
                kk: `${kkLoc} ${eponym.kk} атындағы орта мектебі`,
              }
            : { ru: `Средняя школа ${no} ${ruLoc}`, kk: `${kkLoc} ${no} орта мектебі` },
      };
    case 'gymnasium':
      return {
        form: kgu,
        name:
          no === null
            ? {
                ru: `Школа-гимназия имени ${eponym.ru} ${ruLoc}`,
                kk: `${kkLoc} ${eponym.kk} атындағы мектеп-гимназиясы`,
              }
            : { ru: `Школа-гимназия ${no} ${ruLoc}`, kk: `${kkLoc} ${no} мектеп-гимназиясы` },
      };
    case 'lyceum':
      return {
        form: kgu,
        name:
          no === null
            ? {
                ru: `Школа-лицей имени ${eponym.ru} ${ruLoc}`,
                kk: `${kkLoc} ${eponym.kk} атындағы мектеп-лицейі`,
              }
            : { ru: `Школа-лицей ${no} ${ruLoc}`, kk: `${kkLoc} ${no} мектеп-лицейі` },
      };
    case 'special_school':
      return {
        form: kgu,
        name:
          no === null
            ? { ru: `Специальная школа-интернат ${ruLoc}`, kk: `${kkLoc} арнайы мектеп-интернаты` }
            : {
                ru: `Специальная школа-интернат ${no} ${ruLoc}`,
                kk: `${kkLoc} ${no} арнайы мектеп-интернаты`,
              },
      };
    case 'kindergarten': {
      const title = pick(KINDERGARTEN_NAMES, `${kind}:${locality.ru}`);
      return {
        form: kgkp,
        name:
          no === null
            ? { ru: `Ясли-сад „${title.ru}“ ${ruLoc}`, kk: `${kkLoc} „${title.kk}“ бөбекжай-бақшасы` }
            : { ru: `Ясли-сад ${no} ${ruLoc}`, kk: `${kkLoc} ${no} бөбекжай-бақшасы` },
      };
    }
    case 'college': {
      const profile = pick(COLLEGE_PROFILES, `${kind}:${locality.ru}`);
      return {
        form: kgkp,
        name:
          no === null
            ? { ru: `${profile.ru} ${ruLoc}`, kk: `${kkLoc} ${profile.kk}` }
            : { ru: `Колледж ${no} ${ruLoc}`, kk: `${kkLoc} ${no} колледжі` },
      };
    }
    case 'extracurricular': {
      const centre = pick(EXTRACURRICULAR_KINDS, `${kind}:${locality.ru}`);
      return {
        form: kgkp,
        name:
          no === null
            ? { ru: `${centre.ru} ${ruLoc}`, kk: `${kkLoc} ${centre.kk}` }
            : {
                ru: `Детско-юношеская спортивная школа ${no} ${ruLoc}`,
                kk: `${kkLoc} ${no} балалар-жасөспірімдер спорт мектебі`,
              },
      };
    }
    case 'education_department':
      return departmentInstitution(locality, number);
  }
}

/**
 * A district has one education department, in its centre: pass the centre and null for the realistic form.
 * Other combinations stay distinct: a number names a methodological office, another settlement is appended.
 */
function departmentInstitution(locality: Bilingual, number: number | null): Institution {
  const branch = BRANCH_PLACES.find((b) => b.localities.some((l) => l.ru === locality.ru));
  const area = branch === undefined ? undefined : DEPARTMENT_AREAS[branch.key];
  const short = localityShort(locality);
  const atCentre = branch !== undefined && branch.center.ru === locality.ru;
  const ruArea = area === undefined ? ruLocalityGen(locality) : `по ${area.ru}`;
  const kkArea = area === undefined ? kkLocalityGen(locality) : `${area.kk} бойынша`;
  const ru =
    number === null
      ? `Отдел образования ${ruArea}`
      : `Методический кабинет № ${number} отдела образования ${ruArea}`;
  const kk =
    number === null ? `${kkArea} білім бөлімі` : `${kkArea} білім бөлімінің № ${number} әдістемелік кабинеті`;
  const suffix = atCentre || area === undefined ? null : short;
  return {
    form: { ru: 'ГУ', kk: 'ММ' },
    name: {
      ru: suffix === null ? ru : `${ru}, ${suffix.ru}`,
      kk: suffix === null ? kk : `${kk}, ${suffix.kk}`,
    },
  };
}

/**
 * The name of the primary union organization of an institution, e.g. ru `ППО КГУ «Средняя школа № 12 г. Семей»`,
 * kk `«Семей қаласының № 12 орта мектебі» КММ БКҰ`. With `number` null a named or un-numbered form is used.
 * Distinct (kind, locality, number) give distinct names, provided locality names are distinct.
 */
export function primaryName(kind: PrimaryKind, locality: Bilingual, number: number | null): Bilingual {
  const { form, name } = institution(kind, locality, number);
  return {
    ru: `ППО ${form.ru} «${name.ru}»`,
    kk: `«${name.kk}» ${form.kk} БКҰ`,
  };
}
