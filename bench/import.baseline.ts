/**
 * One run of the import's raw baseline, in a process of its own: the whole file read at once, Telegram's `\xHH`
 * escapes rewritten so that JSON.parse takes it, parsed, and the rows the product stores (each message with a
 * text; service messages and an album's captionless photos left out) inserted by one prepared statement into a
 * table with a unique key, in one transaction, on the same kind of database. The connection and the table are
 * made before the clock starts, as the product's database is.
 */
import { readFileSync, statSync } from 'node:fs';
import { textOf } from '../src/importers/telegram/map.js';
import { answer, taskOf } from './children.js';
import { type ImportRun, type ImportTask, peakMb, rssMb } from './import.task.js';

type Row = [
  externalId: string,
  text: string,
  source: string | null,
  reactions: number | null,
  publishedAt: string,
  repost: boolean,
];

/** Stores the rows and returns when they were committed and how many the table holds. */
type Store = (rows: readonly Row[]) => Promise<{ at: number; rows: number }>;

const COLUMNS = 'external_id text not null unique, text text not null, repost_source text, reactions integer';
/** Rows per statement on PostgreSQL: one array per column, as the national demo writes. */
const CHUNK = 5_000;

function rowsOf(file: string): Row[] {
  // An escaped backslash (\\x) stays: only a backslash that starts an escape is rewritten.
  const json = readFileSync(file, 'utf8').replace(/(?<!\\)((?:\\\\)*)\\x/g, '$1\\u00');
  const chat = JSON.parse(json) as { messages: Record<string, unknown>[] };
  return chat.messages.flatMap((message): Row[] => {
    const text = textOf(message['text']);
    if (message['type'] !== 'message' || text === '') return [];
    const reactions = Array.isArray(message['reactions'])
      ? (message['reactions'] as { count: number }[]).reduce((sum, reaction) => sum + reaction.count, 0)
      : null;
    const source = message['forwarded_from'];
    return [
      [
        String(message['id']),
        text,
        typeof source === 'string' ? source : null,
        reactions,
        new Date(Number(message['date_unixtime']) * 1000).toISOString(),
        source !== undefined,
      ],
    ];
  });
}

async function sqliteStore(file: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(file);
  // The product's own settings (src/storage/db.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table message (${COLUMNS}, published_at text not null, is_repost integer not null)`);
  const insert = db.prepare('insert into message values (?, ?, ?, ?, ?, ?)');
  return async (rows) => {
    db.transaction(() => {
      for (const [id, text, source, reactions, at, repost] of rows) {
        insert.run(id, text, source, reactions, at, repost ? 1 : 0);
      }
    })();
    const at = performance.now();
    const { n } = db.prepare('select count(*) as n from message').get() as { n: number };
    db.close();
    return { at, rows: n };
  };
}

async function postgresStore(url: string): Promise<Store> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `create table message (${COLUMNS}, published_at timestamptz not null, is_repost boolean not null)`,
  );
  return async (rows) => {
    await client.query('begin');
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK);
      await client.query({
        name: 'insert-messages',
        text: `insert into message select * from unnest($1::text[], $2::text[], $3::text[], $4::integer[],
          $5::timestamptz[], $6::boolean[])`,
        values: [0, 1, 2, 3, 4, 5].map((column) => chunk.map((row) => row[column])),
      });
    }
    await client.query('commit');
    const at = performance.now();
    const { rows: counted } = await client.query<{ n: string }>('select count(*) as n from message');
    await client.end();
    return { at, rows: Number(counted[0]?.n) };
  };
}

const task = taskOf<ImportTask>();
const store = /^postgres(ql)?:\/\//.test(task.db) ? await postgresStore(task.db) : await sqliteStore(task.db);
const startMb = rssMb();
const started = performance.now();
const stored = await store(rowsOf(task.file));
const run: ImportRun = {
  bytes: statSync(task.file).size,
  seconds: (stored.at - started) / 1000,
  peakMb: peakMb(),
  startMb,
  rows: stored.rows,
};
answer(run);
