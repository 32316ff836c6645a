/**
 * A Telegram post's links: a `text_link` keeps its address only in the entity's `href` (the text shows other
 * words), a `link` is an address written out. Every one is kept with the post, and the text stays as the reader
 * saw it. Counted on real channel exports: links kept against the entities the export holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itReal } from '../helpers/real-files.js';
import { posts, readAll, real } from './helpers.js';

const PACHUM = 'telegram/pachumarchive_channel_result.json';
const NYAC = 'telegram/nyac_channel_result.json';

type Part = string | { type: string; text: string; href?: string };

/** The link entities of the export's messages (service messages hold none), in file order, as the file has them. */
function linkEntities(path: string) {
  const { messages } = JSON.parse(readFileSync(real(path), 'utf8')) as {
    messages: { type: string; text: Part[] | string }[];
  };
  return messages
    .filter((message) => message.type === 'message' && Array.isArray(message.text))
    .flatMap((message) => message.text as Part[])
    .filter((part): part is Exclude<Part, string> => part instanceof Object)
    .filter((part) => part.type === 'text_link' || part.type === 'link');
}

/** What the reader saw of each link, with the address a `text_link` hides: the same for entities and links kept. */
const seen = (entities: readonly { text: string; href?: string }[]) =>
  entities.map((entity) => (entity.href === undefined ? [entity.text] : [entity.text, entity.href]));

describe('Telegram links', () => {
  itReal(
    [PACHUM],
    'keeps every link of a real channel export: 1,129 text_link and 54 link entities',
    async () => {
      const entities = linkEntities(PACHUM);
      const hidden = entities.filter((entity) => entity.type === 'text_link');
      expect([hidden.length, entities.length - hidden.length]).toEqual([1129, 54]);
      const drafts = posts(await readAll('telegram', real(PACHUM)));
      const kept = drafts.flatMap((draft) => draft.links ?? []);
      expect(kept).toHaveLength(entities.length);
      // Each in file order, its words with it, and a hidden address as the entity's href has it.
      expect(
        seen(
          kept.map((link, at) => (entities[at]?.type === 'text_link' ? { ...link, href: link.url } : link)),
        ),
      ).toEqual(seen(entities));

      // The post reads as its readers saw it: the words, not the address behind them.
      const post = drafts.find((draft) => draft.externalId === '1411');
      expect(post?.text).toContain('Пиздатый арт честно украден у Бойчика');
      expect(post?.text).not.toContain('alcostream');
      expect(post?.links).toEqual([{ url: 'https://t.me/alcostream/301', text: 'Бойчика' }]);
    },
  );

  itReal(
    [NYAC],
    'keeps the links of a small real channel export, text links and written addresses',
    async () => {
      const entities = linkEntities(NYAC);
      const kept = posts(await readAll('telegram', real(NYAC))).flatMap((draft) => draft.links ?? []);
      expect(kept).toHaveLength(entities.length);
      expect(kept.map((link) => link.url)).toEqual(
        expect.arrayContaining(entities.flatMap((entity) => (entity.href ? [entity.href] : []))),
      );
    },
  );

  it('keeps addresses of any scheme, gives a written-out address without one http, and a post without links none', async () => {
    const message = (id: number, text: Part[] | string) => ({
      id,
      type: 'message',
      date: '2024-03-01T10:00:00',
      date_unixtime: String(1_709_265_600 + id),
      from: 'Профсоюз',
      from_id: 'channel1',
      text,
    });
    const file = Buffer.from(
      JSON.stringify({
        name: 'Профсоюз',
        type: 'public_channel',
        id: 1,
        messages: [
          message(1, [
            'Читайте ',
            { type: 'text_link', text: 'устав', href: 'https://example.kz/ustav' },
            ' и пишите ',
            { type: 'text_link', text: 'нам', href: 'tg://resolve?domain=union' },
            ', сайт ',
            { type: 'link', text: 'union.kz/news' },
          ]),
          message(2, 'Без ссылок'),
        ],
      }),
    );
    const [first, second] = posts(await readAll('telegram', file));
    expect(first?.text).toBe('Читайте устав и пишите нам, сайт union.kz/news');
    expect(first?.links).toEqual([
      { url: 'https://example.kz/ustav', text: 'устав' },
      { url: 'tg://resolve?domain=union', text: 'нам' },
      { url: 'http://union.kz/news', text: 'union.kz/news' },
    ]);
    expect(second?.links).toEqual([]);
  });
});
