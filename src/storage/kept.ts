/**
 * Reads compiled once and run many times. Kysely builds every query anew, walks its whole tree through the
 * camel-case plugin and compiles it to text: for a region's subtree reads, a third of their time beside the
 * engine's own work. A kept read is built once per database engine and scope, with a slot in place of each value,
 * and each later call only fills the slots of its compiled text.
 *
 * The values may only be bound (compared, selected): a build that branched on one, or expanded a list from it,
 * would keep the shape of its first call, so a value read and not bound is refused. What gives a query its shape
 * (the engine, the scope) is the key its compilation is kept under.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { OrgScope } from '../domain/scope.js';
import type { Database } from './schema.js';

/** Distinct scopes kept per read and engine: the users' scopes of a day; the oldest dropped first. */
const SCOPES_KEPT = 200;

/** Where a value goes in a kept read's parameters. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  sql: string;
  parameters: readonly unknown[];
}

/** A query builder, or a raw `sql` query: either compiles on the database handle it is given. */
interface Buildable<R> {
  compile(db: Kysely<Database>): CompiledQuery<R>;
}

export type KeptRead<V, R> = (db: Kysely<Database>, scope: OrgScope, values: V) => Promise<R[]>;

export function keptRead<V extends Readonly<Record<string, unknown>>, R>(
  build: (db: Kysely<Database>, scope: OrgScope, values: V) => Buildable<R>,
): KeptRead<V, R> {
  // Keyed by the engine's adapter: one per database handle, shared by its transactions.
  const kept = new WeakMap<object, Map<string, Template>>();
  const compile = (db: Kysely<Database>, scope: OrgScope): Template => {
    const read = new Set<string>();
    const slots = new Proxy({} as V, {
      get: (_, name) => {
        read.add(String(name));
        return new Slot(String(name));
      },
    });
    const { sql, parameters } = build(db, scope, slots).compile(db);
    const bound = new Set(parameters.flatMap((value) => (value instanceof Slot ? [value.name] : [])));
    const unbound = [...read].filter((name) => !bound.has(name));
    if (unbound.length > 0)
      throw new Error(`a kept read must bind its values; not bound: ${unbound.join(', ')}`);
    return { sql, parameters };
  };
  return async (db, scope, values) => {
    const adapter = db.getExecutor().adapter;
    let templates = kept.get(adapter);
    if (!templates) kept.set(adapter, (templates = new Map()));
    const key = JSON.stringify(scope);
    let template = templates.get(key);
    if (!template) {
      template = compile(db, scope);
      if (templates.size >= SCOPES_KEPT) templates.delete(templates.keys().next().value as string);
      templates.set(key, template);
    }
    const parameters = template.parameters.map((value) =>
      value instanceof Slot ? values[value.name] : value,
    );
    const { rows } = await db.executeQuery<R>(CompiledQuery.raw(template.sql, parameters));
    return rows;
  };
}
