import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, ReportModel, Section, TableBlock } from '../../src/reports/model.js';
import { cellText } from '../../src/reports/render/cells.js';
import { layOutBrief, prepareBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import type { ReportLang } from '../../src/shared/vocabulary.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { SEED_BRIEF, tableOf } from '../helpers/brief.js';

const sectionOf = (model: ReportModel, id: string): Section => {
  const section = model.sections.find((entry) => entry.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
};

/** Everything a section says in words: its paragraphs and list items. */
const wordsOf = (section: Section): string =>
  section.blocks
    .flatMap((block) =>
      block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : [],
    )
    .join('\n');

const show = (cell: Cell | undefined, lang: ReportLang) => cellText(cell ?? null, lang);
/** A number not part of a longer one. */
const alone = (number: string) => new RegExp(`(^|[^\\d\u00a0])${number}($|[^\\d\u00a0])`);

/**
 * What each section's words say its table's total row holds, as the reader sees both. A table with a total row
 * and no entry here fails the test: each new total must say where its text is.
 */
const STATED: Record<string, (table: TableBlock, lang: ReportLang) => (string | RegExp)[]> = {
  // "… за период: 130." / "… ұйымның 130 материалы жарияланды."
  website: (table, lang) => [alone(show(table.total?.[1], lang))],
  // "…: 2023 — 48; 2024 (по 01.09) — 33."
  'social-by-subject': (table, lang) =>
    table.columns
      .slice(1)
      .map((column, index) => `${column.label} — ${show(table.total?.[index + 1], lang)}`),
  // "… за период: 81." and the originals and reposts that add up to it.
  topics: (table, lang) => [alone(show(table.total?.[1], lang))],
  // "В 2021 году — 4." a year.
  media: (table, lang) =>
    table.columns
      .slice(2)
      .map(
        (column, index) =>
          `${column.label} ${lang === 'ru' ? 'году' : 'жылы'} — ${show(table.total?.[index + 2], lang)}.`,
      ),
  // "… 396 из 25 116 (1,6 %)." / "… 25 116 кәсіподақ мүшесінің 396 тіркелген (1,6 %)."
  app: (table, lang) => {
    const [members, registered, share] = [1, 2, 3].map((index) => show(table.total?.[index], lang));
    return lang === 'ru'
      ? [`${registered} из ${members} (${share})`]
      : [`${members} кәсіподақ мүшесінің ${registered} тіркелген (${share})`];
  },
};

describe.each(DIALECTS)('every total of the Abai brief equals its text (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  const models = {} as Record<ReportLang, ReportModel>;

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => new Date('2024-09-02T06:00:00Z') });
    await buildDemo(ctx);
    const prepared = await prepareBrief(ctx, SEED_BRIEF);
    for (const lang of ['ru', 'kk'] as const) models[lang] = layOutBrief(ctx, prepared, lang);
  });
  afterAll(() => ctx.close());

  it.each(['ru', 'kk'] as const)(
    '%s: each total row is the sum of its rows and what the text says',
    (lang) => {
      const model = models[lang];
      const totals = model.sections.flatMap((section) =>
        section.blocks.flatMap((block) =>
          block.kind === 'table' && block.total ? [{ section, table: block }] : [],
        ),
      );
      expect(totals.map(({ table }) => table.id).sort()).toEqual(Object.keys(STATED).sort());
      for (const { section, table } of totals) {
        table.columns.forEach((column, index) => {
          if (column.kind !== 'number') return;
          const sum = table.rows.reduce((total, row) => total + ((row[index] as number | null) ?? 0), 0);
          expect({ table: table.id, column: column.label, total: table.total?.[index] }).toEqual({
            table: table.id,
            column: column.label,
            total: sum,
          });
        });
        const words = wordsOf(section);
        for (const statement of STATED[table.id]!(table, lang)) {
          if (typeof statement === 'string')
            expect(words, `${table.id}: "${statement}"`).toContain(statement);
          else expect(words, `${table.id}: ${statement}`).toMatch(statement);
        }
      }
    },
  );

  it('counts the originals and reposts of the topics table to its total', () => {
    const topics = tableOf(models.ru, 'topics');
    const [, originals, reposts] = /— ([\d\u00a0]+) \(.*?— ([\d\u00a0]+) \(/
      .exec(wordsOf(sectionOf(models.ru, 'content')))!
      .map((value) => Number(value.replace(/\u00a0/g, '')));
    expect((originals ?? 0) + (reposts ?? 0)).toBe(topics.total?.[1]);
  });

  it('gives the regional organization itself and its direct primaries their rows in the app table', () => {
    const app = tableOf(models.ru, 'app');
    const names = app.rows.map((row) => row[0]);
    expect(names[0]).toBe('Областная организация');
    expect(names.at(-1)).toBe('Непосредственные ППО');
    expect(names).toHaveLength(11);
    // The members the brief opens with are the members the app table adds up to.
    expect(app.total?.[1]).toBe(25_116);
    expect(tableOf(models.kk, 'app').rows.at(-1)?.[0]).toBe('Тікелей бағынатын БКҰ');
  });
});
