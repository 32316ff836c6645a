/** Normalizes what the drivers return into plain values: SQLite's 0/1 booleans and JSON text. */

export function toBool(value: boolean | number | null): boolean;
export function toBool(value: boolean | number | null | undefined, nullable: 'nullable'): boolean | null;
export function toBool(value: boolean | number | null | undefined, nullable?: 'nullable'): boolean | null {
  if (value === null || value === undefined) return nullable ? null : false;
  return value === true || value === 1;
}

export function fromJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
