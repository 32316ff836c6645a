/** Uploading a file to import, as the web application does, and waiting for its batch to settle. */
import { readFileSync } from 'node:fs';
import { type Client, type FileToSend, formOf, type TestApp } from './client.js';

export interface Batch {
  id: number;
  status: string;
  format: string;
  file: string;
  channel: string | null;
  progress: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  rejections: { message: string }[];
  error?: { code: string; message: string };
}

export async function upload(client: Client | TestApp, fields: Record<string, string>, file?: FileToSend) {
  const form = await formOf(fields, file);
  const request = { method: 'POST' as const, url: '/api/v1/imports', ...form };
  return 'csrfToken' in client ? client.request(request) : client.inject(request);
}

export const realFile = (path: string, name = path.split('/').at(-1) ?? 'file.json'): FileToSend => ({
  name,
  content: readFileSync(path),
});

/** The batch once its import has finished or failed. */
export async function settled(client: Client, id: number): Promise<Batch> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const response = await client.get(`/api/v1/imports/${id}`);
    if (response.statusCode !== 200) throw new Error(`import ${id}: ${response.body}`);
    const batch = response.json() as Batch;
    // Whoever reads a failed batch learns why: its status and its error are written together.
    if (batch.status === 'failed' && !batch.error)
      throw new Error(`import ${id} read failed without its error`);
    if (batch.status !== 'running') return batch;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} still running`);
}

export async function started(response: {
  statusCode: number;
  body: string;
  json(): unknown;
}): Promise<number> {
  if (response.statusCode !== 202)
    throw new Error(`expected 202, got ${response.statusCode}: ${response.body}`);
  return (response.json() as { id: number }).id;
}
