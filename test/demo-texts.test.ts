import { describe, it, expect } from 'vitest';

import {
  BRANCH_KEYS,
  BRANCH_PLACES,
  DIRECT_PRIMARIES_LABEL,
  PERSON_NAMES,
  REGION_NAME,
  UNION_NAME,
} from '../src/services/demo/abai.places.js';
import { PRIMARY_KINDS, primaryName } from '../src/services/demo/abai.primaries.js';
import {
  BRANCH_POSTS,
  LEGAL_POSTS,
  REGION_POSTS,
  SECTOR_NEWS,
  SECTOR_OWN_POSTS,
  WEBSITE_POSTS,
  type PostTemplate,
} from '../src/services/demo/abai.texts.js';
import { TOPICS } from '../src/shared/vocabulary.js';

const ALLOWED_PLACEHOLDERS = new Set(['{org}', '{orgGen}', '{place}', '{date}', '{n}', '{person}']);
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const LEGAL_STEMS = [
  'право',
  'правов',
  'защит',
  'суд',
  'трудов спор',
  'согласительн',
  'аттестац',
  'консультац',
  'жалоб',
  'нарушен',
  'құқық',
  'қорға',
  'сот',
  'дау',
];

const NON_LEGAL: Record<string, readonly PostTemplate[]> = {
  REGION_POSTS,
  SECTOR_NEWS,
  WEBSITE_POSTS,
  BRANCH_POSTS,
  SECTOR_OWN_POSTS,
};
const ALL: Record<string, readonly PostTemplate[]> = { ...NON_LEGAL, LEGAL_POSTS };

const full = (t: PostTemplate): string => `${t.title}\n${t.text}`;
/**
 * Stems match at the start of a word: Kazakh «дау» also ends ordinary forms (қолдау, жалғасуда), and Russian
 * «суд» hides inside «обсудить», so a classifier, like this check, has to anchor them.
 */
const legalStemsIn = (text: string): string[] => {
  const lower = text.toLocaleLowerCase('ru');
  return LEGAL_STEMS.filter((stem) => new RegExp(`(?<!\\p{L})${stem}`, 'u').test(lower));
};
const sentenceCount = (text: string): number =>
  text
    .replace(/\{[a-zA-Z]+\}/g, 'X')
    .split(/[.!?]+(?:\s|$)/)
    .filter((s) => s.trim() !== '').length;

describe('post templates', () => {
  it('use only the allowed placeholders and no other braces', () => {
    for (const [name, list] of Object.entries(ALL)) {
      for (const t of list) {
        for (const token of full(t).match(/\{[^}]*\}/g) ?? []) {
          expect(ALLOWED_PLACEHOLDERS.has(token), `${name}: ${t.title}: ${token}`).toBe(true);
        }
        expect(
          full(t).replace(/\{(org|orgGen|place|date|n|person)\}/g, ''),
          `${name}: ${t.title}`,
        ).not.toMatch(/[{}]/);
      }
    }
  });

  it('meet the minimum counts', () => {
    expect(REGION_POSTS.length).toBeGreaterThanOrEqual(45);
    expect(SECTOR_NEWS.length).toBeGreaterThanOrEqual(20);
    expect(LEGAL_POSTS).toHaveLength(2);
    expect(WEBSITE_POSTS.length).toBeGreaterThanOrEqual(35);
    expect(BRANCH_POSTS.length).toBeGreaterThanOrEqual(20);
    expect(SECTOR_OWN_POSTS.length).toBeGreaterThanOrEqual(10);
  });

  it('write kk templates with Kazakh letters and ru templates without them', () => {
    for (const [name, list] of Object.entries(ALL)) {
      for (const t of list) {
        if (t.lang === 'kk') {
          expect(t.text, `${name}: ${t.title}`).toMatch(KAZAKH_LETTERS);
        } else {
          expect(full(t), `${name}: ${t.title}`).not.toMatch(KAZAKH_LETTERS);
        }
      }
    }
  });

  it('keep legal-protection vocabulary to LEGAL_POSTS alone', () => {
    for (const [name, list] of Object.entries(NON_LEGAL)) {
      for (const t of list) {
        expect(legalStemsIn(full(t)), `${name}: ${t.title}`).toEqual([]);
        if (t.lang === 'ru') {
          // Russian text is held to the stricter rule: no stem even inside a word.
          const lower = full(t).toLowerCase();
          expect(
            LEGAL_STEMS.filter((stem) => lower.includes(stem)),
            `${name}: ${t.title}`,
          ).toEqual([]);
        }
        expect(t.topic, `${name}: ${t.title}`).not.toBe('legal');
      }
    }
    for (const t of LEGAL_POSTS) {
      expect(legalStemsIn(full(t)).length, t.title).toBeGreaterThan(0);
      expect(t.topic).toBe('legal');
      expect(t.declarative).toBe(false);
    }
  });

  it('name the two seminars the seed brief names', () => {
    const [conciliation, attestation] = LEGAL_POSTS;
    expect(full(conciliation).toLowerCase()).toContain('согласительн');
    expect(full(attestation).toLowerCase()).toContain('аттестац');
    expect(full(attestation).toLowerCase()).toContain('жұмыс берушілер');
  });

  it('have valid topics, 2–5 sentences and no duplicate titles within a list', () => {
    for (const [name, list] of Object.entries(ALL)) {
      const titles = new Set<string>();
      for (const t of list) {
        expect(TOPICS).toContain(t.topic);
        const sentences = sentenceCount(t.text);
        expect(sentences, `${name}: ${t.title}`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${name}: ${t.title}`).toBeLessThanOrEqual(5);
        expect(titles.has(t.title), `${name}: duplicate title ${t.title}`).toBe(false);
        titles.add(t.title);
      }
    }
  });

  it('give the regional page the mix the seed describes', () => {
    const kk = REGION_POSTS.filter((t) => t.lang === 'kk').length / REGION_POSTS.length;
    const declarative = REGION_POSTS.filter((t) => t.declarative).length / REGION_POSTS.length;
    const topics = new Set(REGION_POSTS.map((t) => t.topic));
    expect(kk).toBeGreaterThanOrEqual(0.25);
    expect(kk).toBeLessThanOrEqual(0.45);
    expect(declarative).toBeGreaterThanOrEqual(0.6);
    expect(declarative).toBeLessThanOrEqual(0.8);
    for (const topic of ['organizational', 'social', 'youth', 'info', 'partnership', 'pay'] as const) {
      expect(topics.has(topic), topic).toBe(true);
    }
    const organizational = REGION_POSTS.filter((t) => t.topic === 'organizational').length;
    const pay = REGION_POSTS.filter((t) => t.topic === 'pay').length;
    expect(organizational).toBeGreaterThan(pay * 4);
  });

  it('keep sector items on sector or organizational topics, in both languages', () => {
    for (const t of SECTOR_NEWS) expect(['sector', 'organizational']).toContain(t.topic);
    for (const t of SECTOR_OWN_POSTS) expect(t.topic).toBe('sector');
    expect(new Set(SECTOR_NEWS.map((t) => t.lang))).toEqual(new Set(['ru', 'kk']));
    expect(new Set(WEBSITE_POSTS.map((t) => t.lang))).toEqual(new Set(['ru', 'kk']));
  });
});

describe('places', () => {
  it('list the nine branches in BRANCH_KEYS order', () => {
    expect(BRANCH_PLACES.map((b) => b.key)).toEqual([...BRANCH_KEYS]);
    expect(BRANCH_PLACES).toHaveLength(9);
  });

  it('give every branch at least ten unique localities, its centre among them', () => {
    for (const b of BRANCH_PLACES) {
      expect(b.localities.length, b.key).toBeGreaterThanOrEqual(10);
      expect(new Set(b.localities.map((l) => l.ru)).size, b.key).toBe(b.localities.length);
      expect(new Set(b.localities.map((l) => l.kk)).size, b.key).toBe(b.localities.length);
      expect(
        b.localities.some((l) => l.ru === b.center.ru && l.kk === b.center.kk),
        b.key,
      ).toBe(true);
      for (const l of b.localities) {
        expect(l.ru, b.key).not.toMatch(KAZAKH_LETTERS);
        expect(l.kk.length, b.key).toBeGreaterThan(0);
      }
    }
  });

  it('keep locality names unique across the region, so that primary names cannot collide', () => {
    const all = BRANCH_PLACES.flatMap((b) => b.localities.map((l) => l.ru));
    expect(new Set(all).size).toBe(all.length);
  });

  it('name organizations in both languages and both cases', () => {
    for (const forms of [REGION_NAME, UNION_NAME, ...BRANCH_PLACES.map((b) => b.name)]) {
      for (const lang of ['ru', 'kk'] as const) {
        expect(forms[lang].nom.length).toBeGreaterThan(0);
        expect(forms[lang].gen.length).toBeGreaterThan(0);
        expect(forms[lang].gen).not.toBe(forms[lang].nom);
      }
      expect(forms.kk.nom).toMatch(KAZAKH_LETTERS);
      expect(forms.ru.nom).not.toMatch(KAZAKH_LETTERS);
    }
    expect(DIRECT_PRIMARIES_LABEL.ru).toContain('ППО');
    expect(DIRECT_PRIMARIES_LABEL.kk).toMatch(KAZAKH_LETTERS);
    expect(BRANCH_PLACES.find((b) => b.key === 'semey')?.seedLabel).toBe('Городская организация');
  });

  it('offer 60+ distinct three-part person names, none of them a person named in the seed', () => {
    expect(PERSON_NAMES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(PERSON_NAMES).size).toBe(PERSON_NAMES.length);
    for (const name of PERSON_NAMES) {
      expect(name.split(' '), name).toHaveLength(3);
      expect(name, name).not.toMatch(/Воказе|Ибраев/);
    }
  });

  it('keep legal-protection stems out of names that fill the templates', () => {
    const fillers = [
      ...PERSON_NAMES,
      ...BRANCH_PLACES.flatMap((b) => [b.name.ru.nom, b.name.ru.gen, b.name.kk.nom, b.name.kk.gen]),
      ...BRANCH_PLACES.flatMap((b) => b.localities.flatMap((l) => [l.ru, l.kk])),
      REGION_NAME.ru.nom,
      REGION_NAME.kk.nom,
    ];
    for (const text of fillers) expect(legalStemsIn(text), text).toEqual([]);
  });
});

describe('primaryName', () => {
  const localities = BRANCH_PLACES.flatMap((b) => b.localities);
  const numbers = [null, 1, 2, 12, 35] as const;

  it('gives distinct, non-empty names for distinct (kind, locality, number)', () => {
    const ru = new Set<string>();
    const kk = new Set<string>();
    let combos = 0;
    for (const kind of PRIMARY_KINDS) {
      for (const locality of localities) {
        for (const number of numbers) {
          const name = primaryName(kind, locality, number);
          expect(name.ru.length).toBeGreaterThan(0);
          expect(name.kk.length).toBeGreaterThan(0);
          ru.add(name.ru);
          kk.add(name.kk);
          combos += 1;
        }
      }
    }
    expect(combos).toBeGreaterThanOrEqual(400);
    expect(ru.size).toBe(combos);
    expect(kk.size).toBe(combos);
  });

  it('follows one convention per language', () => {
    for (const kind of PRIMARY_KINDS) {
      for (const locality of localities) {
        const name = primaryName(kind, locality, 7);
        expect(name.ru).toMatch(/^ППО (КГУ|КГКП|ГУ) «.+»/);
        expect(name.kk).toMatch(/^«.+» (КММ|МКҚК|ММ) БКҰ/);
        expect(name.ru).not.toMatch(KAZAKH_LETTERS);
        expect(name.ru).toContain('7');
        expect(name.kk).toContain('7');
      }
    }
  });

  it('reads like official names', () => {
    const semey = { ru: 'Семей', kk: 'Семей' };
    expect(primaryName('school', semey, 12)).toEqual({
      ru: 'ППО КГУ «Средняя школа № 12 г. Семей»',
      kk: '«Семей қаласының № 12 орта мектебі» КММ БКҰ',
    });
    const karaul = { ru: 'Караул', kk: 'Қарауыл' };
    const named = primaryName('school', karaul, null);
    expect(named.ru).toMatch(/^ППО КГУ «Средняя школа имени .+ села Караул»$/);
    expect(named.kk).toMatch(/^«Қарауыл ауылының .+ атындағы орта мектебі» КММ БКҰ$/);
    expect(primaryName('education_department', karaul, null)).toEqual({
      ru: 'ППО ГУ «Отдел образования по Абайскому району»',
      kk: '«Абай ауданы бойынша білім бөлімі» ММ БКҰ',
    });
  });

  it('is deterministic', () => {
    const locality = { ru: 'Медеу', kk: 'Медеу' };
    for (const kind of PRIMARY_KINDS) {
      expect(primaryName(kind, locality, null)).toEqual(primaryName(kind, locality, null));
    }
  });
});
