/** How an organization is named in a language: its short name where it has one. English falls back to Russian. */
import type { UiLang } from './vocabulary.js';

export interface NamedOrg {
  nameRu: string;
  nameKk: string;
  shortNameRu: string | null;
  shortNameKk: string | null;
}

export function orgName(org: NamedOrg, lang: UiLang, form: 'short' | 'full' = 'short'): string {
  if (lang === 'kk') return (form === 'short' ? org.shortNameKk : null) ?? org.nameKk;
  return (form === 'short' ? org.shortNameRu : null) ?? org.nameRu;
}
