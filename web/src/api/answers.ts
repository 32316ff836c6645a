/** Asking the server again after a change, so that no answer given before it stays on screen. */
import type { QueryClient, QueryFilters } from '@tanstack/react-query';

export const SESSION_KEY = ['session'];

/** Every answer but the session itself. */
export const allButSession: QueryFilters = {
  predicate: (query) => query.queryKey[0] !== SESSION_KEY[0],
};

/**
 * Marks these answers stale and asks again for those on screen. A fetch still on its way was sent before the
 * change, and react-query would join it rather than fetch again when its query has no answer yet (a page just
 * opened): it is cancelled first.
 */
export async function askAgain(client: QueryClient, filters: QueryFilters = allButSession): Promise<void> {
  await client.cancelQueries(filters);
  await client.invalidateQueries(filters);
}
