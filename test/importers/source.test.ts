/**
 * What an import opens, and the hash its batch keeps: a single file's is taken by the read itself, so that a
 * 150 MB export is read once; an archive's is the archive's own, in a pass of its own.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../src/services/import/source.js';
import { writeZip } from '../factories/zip.factory.js';
import { real } from './helpers.js';
import { scratchDir } from './setup.js';
import { itReal } from '../helpers/real-files.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const FILE = real('telegram/htx-erg_private_supergroup_result.json');

describe('the file an import opens', () => {
  const dir = scratchDir();

  it('hashes a file as it is read: read to its end, the file is not read again for its hash', async () => {
    const file = join(dir, 'result.json');
    copyFileSync(FILE, file);
    const source = await openSource(file);
    const [entry] = source.entries;
    const read: Buffer[] = [];
    for await (const chunk of await entry!.open()) read.push(chunk);
    // Gone: a pass of its own would fail.
    unlinkSync(file);
    expect(await source.hash()).toBe(sha256(readFileSync(FILE)));
    expect(Buffer.concat(read)).toEqual(readFileSync(FILE));
  });

  it('hashes a file by a pass of its own when no read went to its end', async () => {
    const source = await openSource(FILE);
    for await (const chunk of await source.entries[0]!.open()) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(await source.hash()).toBe(sha256(readFileSync(FILE)));
  });

  itReal(
    ['facebook/kis81_your_posts_1.json'],
    'gives an archive the hash of the archive, not of the entry it reads',
    async () => {
      const zip = join(dir, 'facebook.zip');
      writeZip(zip, {
        'your_facebook_activity/posts/your_posts_1.json': readFileSync(
          real('facebook/kis81_your_posts_1.json'),
        ),
      });
      const source = await openSource(zip, 'facebook');
      try {
        for await (const chunk of await source.entries[0]!.open()) expect(chunk.length).toBeGreaterThan(0);
        expect(await source.hash()).toBe(sha256(readFileSync(zip)));
      } finally {
        source.close();
      }
    },
  );
});
