/** Reading what the brief's Word and Excel files say, as a reader's program would. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

/** One entry of a ZIP (DOCX and XLSX are ZIPs) as text. */
export async function zipEntry(zip: Buffer, name: string): Promise<string> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) =>
      error || !file ? reject(error) : resolve(file),
    ),
  );
  return new Promise((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) return archive.readEntry();
      archive.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
    });
    archive.on('end', () => reject(new Error(`${name} not in the archive`)));
    archive.readEntry();
  });
}

/** The text of a Word document, a line a paragraph (table cells are paragraphs too). */
export async function docxText(docx: Buffer): Promise<string> {
  const xml = await zipEntry(docx, 'word/document.xml');
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
    )
    .map((line) =>
      line
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter(Boolean)
    .join('\n');
}

const run = promisify(execFile);

export async function hasCommand(name: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${name}`]).then(
    () => true,
    () => false,
  );
}

/** Converts a DOCX to PDF with LibreOffice; returns the PDF's path. */
export async function docxToPdf(docx: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-pdf-'));
  const input = join(dir, 'brief.docx');
  writeFileSync(input, docx);
  await run(
    'libreoffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    {
      timeout: 120_000,
    },
  );
  return join(dir, 'brief.pdf');
}

/** The text of a PDF (pdftotext, laid out; pages end with a form feed) and its number of pages. */
export async function pdfText(pdf: string): Promise<{ text: string; pages: number }> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  const info = await run('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
  return { text: stdout, pages };
}

/** Converts a DOCX to PDF with LibreOffice and returns the PDF's text (pdftotext). */
export async function docxToPdfText(docx: Buffer): Promise<{ text: string; pages: number }> {
  return pdfText(await docxToPdf(docx));
}

/** The font families a PDF draws its text with (pdffonts), without subset prefixes and styles. */
export async function pdfFontFamilies(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdf]);
  const names = stdout
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter(Boolean);
  return [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')))].sort();
}
