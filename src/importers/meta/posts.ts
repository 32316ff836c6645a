/**
 * Meta's posts files are one JSON array of post objects. Streamed element by element, each with its number in
 * the file (from 1) and every string repaired.
 */
import { jsonValuesAt } from '../json/stream.js';
import { repairMojibake } from './mojibake.js';

export interface MetaPost<T> {
  /** Position in the file's array, from 1. */
  index: number;
  post: T;
}

export async function* parseMetaPosts<T>(
  bytes: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<MetaPost<T>> {
  let index = 0;
  for await (const hits of jsonValuesAt(bytes, ['$.*'], file)) {
    for (const hit of hits) {
      index += 1;
      yield { index, post: repairMojibake(hit.value) as T };
    }
  }
}
