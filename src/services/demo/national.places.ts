/**
 * The twenty regional organizations of the national demo: seventeen regions and three cities of national
 * significance. Pure data. The branches under them borrow the Abai region's district committees and settlements
 * (abai.places.ts), so that names and datelines read naturally in both languages.
 */
import type { Bilingual, NameForms } from './abai.places.js';

interface RegionFact {
  /** ru: the region in the genitive after «работников образования», e.g. «Акмолинской области». */
  ru: string;
  /** kk: the name before «облыстық» / «қалалық», e.g. «Ақмола». */
  kk: string;
  /** en: the region's or city's name, e.g. «Akmola». */
  en: string;
  city: boolean;
}

const REGIONS: readonly RegionFact[] = [
  { ru: 'области Абай', kk: 'Абай', en: 'Abai', city: false },
  { ru: 'Акмолинской области', kk: 'Ақмола', en: 'Akmola', city: false },
  { ru: 'Актюбинской области', kk: 'Ақтөбе', en: 'Aktobe', city: false },
  { ru: 'Алматинской области', kk: 'Алматы', en: 'Almaty', city: false },
  { ru: 'Атырауской области', kk: 'Атырау', en: 'Atyrau', city: false },
  { ru: 'Западно-Казахстанской области', kk: 'Батыс Қазақстан', en: 'West Kazakhstan', city: false },
  { ru: 'Жамбылской области', kk: 'Жамбыл', en: 'Zhambyl', city: false },
  { ru: 'области Жетісу', kk: 'Жетісу', en: 'Zhetysu', city: false },
  { ru: 'Карагандинской области', kk: 'Қарағанды', en: 'Karaganda', city: false },
  { ru: 'Костанайской области', kk: 'Қостанай', en: 'Kostanay', city: false },
  { ru: 'Кызылординской области', kk: 'Қызылорда', en: 'Kyzylorda', city: false },
  { ru: 'Мангистауской области', kk: 'Маңғыстау', en: 'Mangystau', city: false },
  { ru: 'Павлодарской области', kk: 'Павлодар', en: 'Pavlodar', city: false },
  { ru: 'Северо-Казахстанской области', kk: 'Солтүстік Қазақстан', en: 'North Kazakhstan', city: false },
  { ru: 'Туркестанской области', kk: 'Түркістан', en: 'Turkistan', city: false },
  { ru: 'области Ұлытау', kk: 'Ұлытау', en: 'Ulytau', city: false },
  { ru: 'Восточно-Казахстанской области', kk: 'Шығыс Қазақстан', en: 'East Kazakhstan', city: false },
  { ru: 'города Астаны', kk: 'Астана', en: 'Astana', city: true },
  { ru: 'города Алматы', kk: 'Алматы', en: 'Almaty', city: true },
  { ru: 'города Шымкента', kk: 'Шымкент', en: 'Shymkent', city: true },
];

/** The regional organization's name in English, like the Abai region's REGION_NAME_EN. */
export function regionNameEn(index: number): string {
  const region = REGIONS[index % REGIONS.length] as RegionFact;
  return `${region.en} ${region.city ? 'City' : 'Region'} Organization of the Education Workers' Union`;
}

/** The regional organization's name in both languages, like the Abai region's REGION_NAME. */
export function regionName(index: number): Bilingual<NameForms> {
  const region = REGIONS[index % REGIONS.length] as RegionFact;
  const [ruNom, ruGen] = region.city
    ? ['Городская организация', 'Городской организации']
    : ['Областная организация', 'Областной организации'];
  const kkLevel = region.city ? 'қалалық' : 'облыстық';
  return {
    ru: {
      nom: `${ruNom} профсоюза работников образования ${region.ru}`,
      gen: `${ruGen} профсоюза работников образования ${region.ru}`,
    },
    kk: {
      nom: `Білім қызметкерлері кәсіподағының ${region.kk} ${kkLevel} ұйымы`,
      gen: `Білім қызметкерлері кәсіподағының ${region.kk} ${kkLevel} ұйымының`,
    },
  };
}
