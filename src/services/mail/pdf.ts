/**
 * A brief's Word file as PDF, through LibreOffice when the machine has it: the renderers write DOCX, and
 * LibreOffice lays it out as Word would. Without it the caller sends the DOCX and says why.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The LibreOffice program to convert with; by default `soffice` on the PATH. */
export const SOFFICE_SETTING = 'AQPARAT_SOFFICE';
/** A brief of a region converts in a few seconds; a hung office process must not hold the sending forever. */
const CONVERT_TIMEOUT_MS = 180_000;

const run = promisify(execFile);

const isExecutable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The LibreOffice program: the setting's path, else `soffice` on the PATH; undefined when there is none. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const named = env[SOFFICE_SETTING];
  if (named) return (await isExecutable(named)) ? named : undefined;
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, 'soffice');
    if (await isExecutable(path)) return path;
  }
  return undefined;
}

/**
 * Each DOCX as PDF, in one LibreOffice run. A profile of its own in a temporary folder: two runs at once (two
 * server processes, or a user's open LibreOffice) would otherwise fight over the default one.
 */
export async function docxToPdf(soffice: string, documents: readonly Buffer[]): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'aqparat-pdf-'));
  try {
    const inputs = documents.map((_, index) => join(dir, `${index}.docx`));
    await Promise.all(documents.map((document, index) => writeFile(inputs[index] as string, document)));
    await run(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...inputs,
      ],
      { timeout: CONVERT_TIMEOUT_MS },
    );
    return await Promise.all(documents.map((_, index) => readFile(join(dir, `${index}.pdf`))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
