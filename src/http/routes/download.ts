/**
 * Sending a file the server wrote (a brief, a template): its content type and a Content-Disposition that names
 * it in every browser — a plain-ASCII `filename` for old ones, the real name in RFC 5987 `filename*`.
 */
import { extname } from 'node:path';
import type { FastifyReply } from 'fastify';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * An HTML file is our own rendering with every record's text escaped; still, it is sent sandboxed (no scripts,
 * nothing loaded from elsewhere), so that a preview embedded in the web application can run nothing.
 */
const HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export const DISPOSITIONS = ['attachment', 'inline'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export function contentDisposition(fileName: string, disposition: Disposition = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; content: Buffer | string },
  disposition: Disposition = 'attachment',
) {
  const type = CONTENT_TYPES[extname(file.fileName).toLowerCase()] ?? 'application/octet-stream';
  reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(file.fileName, disposition))
    .header('x-content-type-options', 'nosniff');
  if (type.startsWith('text/html')) reply.header('content-security-policy', HTML_POLICY);
  return reply.send(file.content);
}
