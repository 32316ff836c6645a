/**
 * Meta's posts files are one JSON array of post objects. Streamed element by element, each with its number in
 * the file (from 1) and every string repaired.
 */
import { jsonValuesAt } from '../json/stream.js';
import { repairMojibake } from './mojibake.js';

export interface MetaPost {
  /** Position in the file's array, from 1. */
  index: number;
  /** As the file has it: the mapper checks its shape. */
  post: unknown;
}

export async function* parseMetaPosts(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<MetaPost> {
  let index = 0;
  for await (const hits of jsonValuesAt(bytes, ['$.*'], file)) {
    for (const hit of hits) {
      index += 1;
      yield { index, post: repairMojibake(hit.value) };
    }
  }
}
