/**
 * How an organization is named in a language: its short name where it has one. English names are optional: an
 * organization without one is named in English as in Russian.
 */
import type { UiLang } from './vocabulary.js';

export interface NamedOrg {
  nameRu: string;
  nameKk: string;
  shortNameRu: string | null;
  shortNameKk: string | null;
  nameEn: string | null;
  shortNameEn: string | null;
}

export function orgName(org: NamedOrg, lang: UiLang, form: 'short' | 'full' = 'short'): string {
  const short = form === 'short';
  if (lang === 'kk') return (short ? org.shortNameKk : null) ?? org.nameKk;
  if (lang === 'en' && org.nameEn !== null) return (short ? org.shortNameEn : null) ?? org.nameEn;
  return (short ? org.shortNameRu : null) ?? org.nameRu;
}
