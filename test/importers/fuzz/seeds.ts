/**
 * The files fuzzing starts from: our fixtures, files the tests build (a Telegram export, Facebook and Instagram
 * posts, CSV sheets), the spreadsheet templates aqparat hands out, and the real export samples of
 * `../shared/fixtures/real/` when that folder is present (a fresh clone runs without them).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ReaderName } from '../../../src/importers/registry.js';
import { buildSheetTemplate } from '../../../src/importers/sheet/template.js';
import { SHEET_KINDS } from '../../../src/shared/vocabulary.js';
import { writeTelegramExport } from '../../factories/telegram-export.factory.js';
import { SHARED_REAL as REAL } from '../../helpers/real-files.js';
import { FIXTURES, mojibake } from '../helpers.js';

export interface Seed {
  /** The file's name, as an import names it. */
  name: string;
  reader: ReaderName;
  bytes: Buffer;
}

/** Real samples read by each reader, by folder; files too large to mutate quickly are left out. */
const REAL_FOLDERS: Readonly<Record<string, ReaderName>> = {
  telegram: 'telegram',
  facebook: 'facebook',
  instagram: 'instagram',
  rss: 'feed',
};
const MAX_REAL_BYTES = 1024 * 1024;

export const realSamplesPresent = () => existsSync(REAL);

export function realSeeds(): Seed[] {
  if (!realSamplesPresent()) return [];
  return Object.entries(REAL_FOLDERS).flatMap(([folder, reader]) =>
    readdirSync(join(REAL, folder))
      // A file that only looks like a Meta export is not one a reader is meant for.
      .filter((name) => /\.(json|xml)$/.test(name) && !name.startsWith('NOT-META'))
      .map((name) => ({ name, reader, bytes: readFileSync(join(REAL, folder, name)) }))
      .filter((seed) => seed.bytes.length <= MAX_REAL_BYTES),
  );
}

async function telegramSeed(): Promise<Seed> {
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-fuzz-'));
  try {
    const file = join(dir, 'result.json');
    await writeTelegramExport(file, { messages: 40, textLength: 120 });
    return { name: 'result.json', reader: 'telegram', bytes: readFileSync(file) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function metaSeeds(): Seed[] {
  const facebook = [1, 2, 3].map((n) => ({
    timestamp: 1_709_269_200 + n * 3600,
    title: 'Профсоюз shared a link.',
    data: [{ post: `Семинар №${n} #профсоюз` }],
    attachments: [{ data: [{ external_context: { url: `https://example.kz/${n}`, name: 'Новость' } }] }],
  }));
  const instagram = [1, 2].map((n) => ({
    media: [
      { uri: `media/posts/${n}.jpg`, creation_timestamp: 1_709_269_200 + n, title: `Фото ${n} #съезд` },
    ],
  }));
  return [
    {
      name: 'your_posts_1.json',
      reader: 'facebook',
      bytes: Buffer.from(mojibake(JSON.stringify(facebook, null, 2))),
    },
    { name: 'posts_1.json', reader: 'instagram', bytes: Buffer.from(mojibake(JSON.stringify(instagram))) },
  ];
}

function csvSeeds(): Seed[] {
  const publications = [
    'Канал;Дата публикации;Заголовок;Текст;Ссылка;Просмотры',
    'tg-main;01.03.2024 10:30;Семинар;Прошёл семинар #профсоюз;https://example.kz/1;120',
    'tg-main;2024-03-02;Съезд;"Текст; с точкой с запятой";;45',
  ].join('\r\n');
  const membership = ['organization,asOf,members,primaries', 'region-1,2024-01-01,1200,14'].join('\n');
  return [
    { name: 'publications.csv', reader: 'csv', bytes: iconv.encode(publications, 'win1251') },
    { name: 'membership.csv', reader: 'csv', bytes: Buffer.from(membership) },
  ];
}

async function templateSeeds(): Promise<Seed[]> {
  const lists = {
    organizations: [{ code: 'region-1', name: 'Областной комитет' }],
    channels: [{ code: 'tg-main', name: 'Канал' }],
    outlets: [{ code: 'kaz-pravda', name: 'Казахстанская правда' }],
  };
  return Promise.all(
    SHEET_KINDS.map(async (kind) => ({
      name: `${kind}.xlsx`,
      reader: 'xlsx' as const,
      bytes: await buildSheetTemplate(kind, 'ru', lists),
    })),
  );
}

export async function loadSeeds(): Promise<Seed[]> {
  const fixtures: Seed[] = [
    { name: 'news.rss.xml', reader: 'feed', bytes: readFileSync(join(FIXTURES, 'news.rss.xml')) },
    { name: 'news.atom.xml', reader: 'feed', bytes: readFileSync(join(FIXTURES, 'news.atom.xml')) },
  ];
  return [
    ...fixtures,
    await telegramSeed(),
    ...metaSeeds(),
    ...csvSeeds(),
    ...(await templateSeeds()),
    ...realSeeds(),
  ];
}
