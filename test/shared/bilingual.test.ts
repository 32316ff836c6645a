import { describe, expect, it } from 'vitest';
import { hasText, textFor } from '../../src/shared/bilingual.js';

describe('a text in two languages', () => {
  it("gives the reader's language, else the other marked with its language", () => {
    const both = { ru: 'Пленум', kk: 'Пленумы' };
    expect([textFor(both, 'ru'), textFor(both, 'kk'), textFor(both, 'en')]).toEqual([
      'Пленум',
      'Пленумы',
      'Пленум (in Russian)',
    ]);
    const russian = { ru: 'Пленум', kk: '  ' };
    expect([textFor(russian, 'kk'), textFor(russian, 'ru')]).toEqual(['Пленум (орыс тілінде)', 'Пленум']);
    const kazakh = { ru: null, kk: 'Пленумы' };
    expect([textFor(kazakh, 'ru'), textFor(kazakh, 'en')]).toEqual([
      'Пленумы (на казахском)',
      'Пленумы (in Kazakh)',
    ]);
  });

  it('counts an empty or blank version as none', () => {
    expect(hasText({ ru: ' ', kk: null })).toBe(false);
    expect(textFor({ ru: '', kk: undefined }, 'kk')).toBe('');
    expect(hasText({ ru: null, kk: 'Жиналыс' })).toBe(true);
  });
});
