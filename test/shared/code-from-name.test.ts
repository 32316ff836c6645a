/** Codes made from names: Russian and Kazakh letters in Latin ones, valid for the API, under the organization. */
import { describe, expect, it } from 'vitest';
import { codeFromName } from '../../src/shared/code-from-name.js';
import { code } from '../../src/shared/schemas.js';

describe('a code from a name', () => {
  it('writes Kazakh and Russian letters in Latin ones, under the organization, once', () => {
    expect(codeFromName('Абай облысы Telegram', 'abai')).toBe('abai-oblysy-telegram');
    expect(codeFromName('Профсоюз «Қазақстан» — ғылым, өнер', 'kz')).toBe(
      'kz-profsoyuz-qazaqstan-gylym-oner',
    );
    expect(codeFromName('Школа № 5 (Семей)', 'abai-semey')).toBe('abai-semey-shkola-no-5-semei');
  });

  it('gives a code the API takes, whatever the name', () => {
    for (const name of ['', '!!!', 'Ёлка Ñandú', 'x'.repeat(200), 'Жаңа арна']) {
      const made = codeFromName(name, 'abai');
      expect(code.safeParse(made).success, made).toBe(true);
    }
    expect(codeFromName('!!!', 'abai')).toBe('abai');
  });
});
