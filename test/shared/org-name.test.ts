/** Organizations' names in each UI language: short where given, English where given, else as in Russian. */
import { describe, expect, it } from 'vitest';
import { orgName } from '../../src/shared/org-name.js';

const region = {
  nameRu: 'Областная организация профсоюза работников образования области Абай',
  nameKk: 'Білім қызметкерлері кәсіподағының Абай облыстық ұйымы',
  shortNameRu: 'Областная организация',
  shortNameKk: 'Облыстық ұйым',
  nameEn: "Abai Region Organization of the Education Workers' Union",
  shortNameEn: 'Regional organization',
};

describe('orgName', () => {
  it('names an organization in each language, short or full', () => {
    expect(orgName(region, 'ru')).toBe('Областная организация');
    expect(orgName(region, 'kk', 'full')).toBe(region.nameKk);
    expect(orgName(region, 'en')).toBe('Regional organization');
    expect(orgName(region, 'en', 'full')).toBe(region.nameEn);
  });

  it('gives the full English name where no short one is, and the Russian where no English one is', () => {
    expect(orgName({ ...region, shortNameEn: null }, 'en')).toBe(region.nameEn);
    expect(orgName({ ...region, nameEn: null, shortNameEn: null }, 'en')).toBe('Областная организация');
    expect(orgName({ ...region, nameEn: null, shortNameEn: 'Regional' }, 'en', 'full')).toBe(region.nameRu);
  });
});
