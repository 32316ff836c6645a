/**
 * `aqparat classify --in-words` adds each post's reasons as phrases in the command's language beside the reasons
 * as tools read them; without it the lines are as they were.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aqparat-in-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('aqparat classify --in-words', () => {
  it('writes the reasons in Kazakh words beside the tokens', async () => {
    const input = join(dir, 'posts.jsonl');
    writeFileSync(
      input,
      `${JSON.stringify({
        id: 1,
        text: 'Жарма, 28.08.2023. Жарма аудандық кәсіподақ комитетінің есепті-сайлау конференциясы өтті. Конференцияға 8 делегат қатысты.',
      })}\n`,
    );
    const output = join(dir, 'labels.jsonl');
    const run = await runCli([
      'classify',
      '--in',
      input,
      '--out',
      output,
      '--lexicons-only',
      '--lang',
      'kk',
      '--in-words',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [line] = read(output);
    expect((line?.['reasons'] as { concrete: string[] }).concrete).toContain('date:28.08.2023');
    const groups = line?.['reasonsInWords'] as { title: string; summary?: string; phrases: string[] }[];
    expect(groups).toContainEqual({
      title: 'Нақты деректер',
      summary: 'күні мен саны көрсетілген',
      phrases: ['күні: 28.08.2023', 'саны: 8'],
    });
    expect(groups.find((group) => group.title === 'Мәтін тілі')?.phrases.join(' ')).toMatch(
      /қазақ сөздері: /,
    );
    expect(JSON.stringify(groups)).not.toMatch(/[a-z_]+:\S/);

    const plain = join(dir, 'plain.jsonl');
    expect((await runCli(['classify', '--in', input, '--out', plain, '--lexicons-only'])).code).toBe(0);
    expect(read(plain)[0]).not.toHaveProperty('reasonsInWords');
  }, 60_000);
});
