/**
 * A whole read kept on disk: a dry run or a strict import stores everything in one transaction, which must not
 * wait for a parser (it would hold SQLite's only connection for as long as a file takes to read, or forever). The
 * batches are read first into a temporary file, then replayed inside the transaction from bytes of our own.
 */
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

export interface Spool<T> {
  replay(): AsyncGenerator<T>;
  remove(): Promise<void>;
}

const LENGTH_BYTES = 4;

/** Writes every value the source yields; a failure of the source removes the file and is thrown. */
export async function spool<T>(source: AsyncIterable<T>): Promise<Spool<T>> {
  const dir = await mkdtemp(join(tmpdir(), 'aqparat-spool-'));
  const path = join(dir, 'batches');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const handle = await open(path, 'w');
    try {
      for await (const value of source) {
        const bytes = serialize(value);
        const length = Buffer.alloc(LENGTH_BYTES);
        length.writeUInt32LE(bytes.length);
        await handle.write(Buffer.concat([length, bytes]));
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    async *replay() {
      const handle = await open(path, 'r');
      try {
        const length = Buffer.alloc(LENGTH_BYTES);
        while ((await handle.read(length, 0, LENGTH_BYTES, null)).bytesRead === LENGTH_BYTES) {
          const bytes = Buffer.alloc(length.readUInt32LE());
          await handle.read(bytes, 0, bytes.length, null);
          yield deserialize(bytes) as T;
        }
      } finally {
        await handle.close();
      }
    },
    remove,
  };
}
