/**
 * Every rejection of an import, however many: the first thousand are kept in memory for the summary a person reads
 * first, and all of them in a temporary file (JSON lines, written a thousand at a time), until the batch stores
 * them (import-rejection.repository.ts). A file of a million bad rows thus costs disk, not memory.
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Kysely } from 'kysely';
import type { Rejection } from '../../importers/types.js';
import { insertRejections } from '../../storage/repositories/import-rejection.repository.js';
import type { Database } from '../../storage/schema.js';

/** Rejections a summary carries: enough to fix a file; the batch keeps them all, `total` counts them all. */
export const SHOWN_REJECTIONS = 1000;

/** Rejections held before they are written to the file, and stored per group. */
const GROUP = 1000;

export class RejectionLog {
  /** The first rejections met, up to SHOWN_REJECTIONS. */
  readonly first: Rejection[] = [];
  total = 0;
  private pending: Rejection[] = [];
  private dir: Promise<string> | undefined;
  /** The writes to the file, in order; a failed one fails `store`. */
  private written: Promise<void> = Promise.resolve();

  add(rejections: readonly Rejection[]): void {
    this.total += rejections.length;
    this.first.push(...rejections.slice(0, SHOWN_REJECTIONS - this.first.length));
    this.pending.push(...rejections);
    if (this.pending.length >= GROUP) this.spill();
  }

  private spill(): void {
    const lines = this.pending.map((rejection) => `${JSON.stringify(rejection)}\n`).join('');
    this.pending = [];
    this.dir ??= mkdtemp(join(tmpdir(), 'aqparat-rejections-'));
    const dir = this.dir;
    this.written = this.written.then(async () => appendFile(join(await dir, 'rejections'), lines));
    // Handled: `store` awaits it and fails with its error.
    this.written.catch(() => undefined);
  }

  /** Stores every rejection under the batch, in the order met. */
  async store(db: Kysely<Database>, batchId: number): Promise<void> {
    await this.written;
    let position = 0;
    const write = async (group: Rejection[]) => {
      await insertRejections(db, batchId, position, group);
      position += group.length;
    };
    if (this.dir) {
      const lines = createInterface({ input: createReadStream(join(await this.dir, 'rejections')) });
      let group: Rejection[] = [];
      for await (const line of lines) {
        group.push(JSON.parse(line) as Rejection);
        if (group.length >= GROUP) {
          await write(group);
          group = [];
        }
      }
      await write(group);
    }
    await write(this.pending);
  }

  async remove(): Promise<void> {
    await this.written.catch(() => undefined);
    if (this.dir) await rm(await this.dir, { recursive: true, force: true });
  }
}
