/** The links of a publication: where each points and the words the reader saw for it. */

export interface PublicationLink {
  url: string;
  /** The visible text: the words a link was hidden under, or the address as the post wrote it. */
  text: string;
}

function isLink(value: unknown): value is PublicationLink {
  if (typeof value !== 'object' || value === null) return false;
  const { url, text } = value as Record<string, unknown>;
  return typeof url === 'string' && typeof text === 'string';
}

/**
 * The links of a stored value (JSON text, or what PostgreSQL's jsonb gives), each with its keys in one order, so
 * that the same links compare equal whichever engine stored them; anything else is no link.
 */
export function linksOf(value: unknown): PublicationLink[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isLink).map(({ url, text }) => ({ url, text }));
}

/** Whether a link opens in a browser: the only ones a page makes clickable. */
export const opensInBrowser = (url: string) => /^https?:\/\//i.test(url);
