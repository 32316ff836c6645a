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
  city: boolean;
}

const REGIONS: readonly RegionFact[] = [
  { ru: 'области Абай', kk: 'Абай', city: false },
  { ru: 'Акмолинской области', kk: 'Ақмола', city: false },
  { ru: 'Актюбинской области', kk: 'Ақтөбе', city: false },
  { ru: 'Алматинской области', kk: 'Алматы', city: false },
  { ru: 'Атырауской области', kk: 'Атырау', city: false },
  { ru: 'Западно-Казахстанской области', kk: 'Батыс Қазақстан', city: false },
  { ru: 'Жамбылской области', kk: 'Жамбыл', city: false },
  { ru: 'области Жетісу', kk: 'Жетісу', city: false },
  { ru: 'Карагандинской области', kk: 'Қарағанды', city: false },
  { ru: 'Костанайской области', kk: 'Қостанай', city: false },
  { ru: 'Кызылординской области', kk: 'Қызылорда', city: false },
  { ru: 'Мангистауской области', kk: 'Маңғыстау', city: false },
  { ru: 'Павлодарской области', kk: 'Павлодар', city: false },
  { ru: 'Северо-Казахстанской области', kk: 'Солтүстік Қазақстан', city: false },
  { ru: 'Туркестанской области', kk: 'Түркістан', city: false },
  { ru: 'области Ұлытау', kk: 'Ұлытау', city: false },
  { ru: 'Восточно-Казахстанской области', kk: 'Шығыс Қазақстан', city: false },
  { ru: 'города Астаны', kk: 'Астана', city: true },
  { ru: 'города Алматы', kk: 'Алматы', city: true },
  { ru: 'города Шымкента', kk: 'Шымкент', city: true },
];

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
