/**
 * The spreadsheets aqparat reads and writes templates for: per kind, its columns in order, with headers in every
 * UI language. A file is recognized by its header row in any of the languages (or by the column keys).
 */
import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey } from '../../shared/sheet-columns.js';
import type { SheetKind } from '../../shared/vocabulary.js';

export type { ColumnKey };

/** Lists a column's values come from: the template offers them as drop-downs. */
export type ValueList =
  'organizations' | 'channels' | 'outlets' | 'platforms' | 'mentionKinds' | 'materialKinds' | 'yesNo';

export interface SheetColumn {
  key: ColumnKey;
  required?: boolean;
  list?: ValueList;
  /** Width in characters in the template. */
  width: number;
  /** Read from files made with an earlier template, no longer offered in new ones. */
  legacy?: boolean;
}

const column = (key: ColumnKey, width: number, extra: Partial<SheetColumn> = {}): SheetColumn => ({
  key,
  width,
  ...extra,
});

export const SHEET_COLUMNS: Readonly<Record<SheetKind, readonly SheetColumn[]>> = {
  publications: [
    column('channel', 28, { list: 'channels' }),
    column('publishedAt', 22, { required: true }),
    column('title', 40),
    column('text', 60),
    column('url', 36),
    column('externalId', 18),
    column('subject', 28, { list: 'organizations' }),
    column('isRepost', 10, { list: 'yesNo' }),
    column('repostSource', 24),
    column('views', 12),
    column('reactions', 12),
    column('comments', 12),
    column('shares', 12),
  ],
  'media-mentions': [
    column('organization', 28, { required: true, list: 'organizations' }),
    column('outlet', 28, { required: true, list: 'outlets' }),
    column('publishedOn', 14, { required: true }),
    column('title', 50, { required: true }),
    column('mentionKind', 16, { list: 'mentionKinds' }),
    column('url', 36),
  ],
  audience: [
    column('channel', 28, { list: 'channels' }),
    column('organization', 28, { list: 'organizations' }),
    column('platform', 16, { list: 'platforms' }),
    column('asOf', 14, { required: true }),
    column('followers', 14, { required: true }),
  ],
  membership: [
    column('organization', 28, { required: true, list: 'organizations' }),
    column('asOf', 14, { required: true }),
    column('members', 16, { required: true }),
    column('primaries', 16),
  ],
  materials: [
    column('organization', 28, { required: true, list: 'organizations' }),
    // Either title may be empty, not both (the reader checks the pair).
    column('titleRu', 45),
    column('titleKk', 45),
    // One title in the row's language, as the earlier template asked.
    column('title', 50, { legacy: true }),
    column('materialKind', 18, { required: true, list: 'materialKinds' }),
    column('issuedOn', 14, { required: true }),
    column('language', 10),
    column('copies', 12),
    column('url', 36),
  ],
};

/** Other ways people head these columns. */
const ALIASES: Partial<Record<ColumnKey, readonly string[]>> = {
  publishedAt: ['дата публикации', 'дата', 'жарияланған күні', 'date', 'published'],
  url: ['url', 'ссылка на публикацию'],
  members: ['численность', 'количество членов'],
  followers: ['подписчиков', 'количество подписчиков'],
  organization: ['код организации'],
  outlet: ['издание'],
};

/** How headers compare: case, `ё`, asterisks, colons and remarks in brackets do not matter. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[*:]/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const HEADER_KEYS: ReadonlyMap<string, ColumnKey> = new Map(
  COLUMN_KEYS.flatMap((key) => {
    const names = [
      key,
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      ...Object.values(COLUMN_HEADERS).map((headers) => headers[key]),
      ...(ALIASES[key] ?? []),
    ];
    return names.map((name) => [normalizeHeader(name), key] as const);
  }),
);

/** The kind of sheet a header row heads and where each of its columns is; undefined when none fits. */
export function recognizeHeader(
  cells: readonly (string | undefined)[],
): { kind: SheetKind; columns: Map<ColumnKey, number> } | undefined {
  const found = new Map<ColumnKey, number>();
  cells.forEach((cell, index) => {
    const key = cell === undefined ? undefined : HEADER_KEYS.get(normalizeHeader(cell));
    if (key !== undefined && !found.has(key)) found.set(key, index);
  });
  let best: { kind: SheetKind; columns: Map<ColumnKey, number>; score: number } | undefined;
  for (const [kind, columns] of Object.entries(SHEET_COLUMNS) as [SheetKind, readonly SheetColumn[]][]) {
    if (!columns.every((col) => !col.required || found.has(col.key))) continue;
    const mine = new Map(
      columns.filter((col) => found.has(col.key)).map((col) => [col.key, found.get(col.key) ?? 0]),
    );
    // Columns of another kind count against this one: a mentions sheet is not a membership sheet.
    const score = mine.size - (found.size - mine.size);
    if (!best || score > best.score) best = { kind, columns: mine, score };
  }
  return best && { kind: best.kind, columns: best.columns };
}
