/**
 * The pages of the menu and who they are for. A page is shown to a user who may do any of what it is used for:
 * pages that only change things (imports, settings) are not shown to those who may change nothing there, and
 * their routes say so when typed.
 */
import type { Action, Session } from '../api/types.js';
import type { TextKey } from '../i18n/ru.js';

export interface AppPage {
  path: string;
  label: TextKey;
  /** What the page is used for: the user must be allowed one of these (resource and action). */
  uses: readonly (readonly [resource: string, action: Action])[];
}

export const PAGES: readonly AppPage[] = [
  { path: '/', label: 'nav.dashboard', uses: [['measures', 'read']] },
  { path: '/rankings', label: 'nav.rankings', uses: [['measures', 'read']] },
  { path: '/organizations', label: 'nav.organizations', uses: [['organizations', 'read']] },
  { path: '/publications', label: 'nav.publications', uses: [['publications', 'read']] },
  { path: '/plan', label: 'nav.plan', uses: [['publications', 'read']] },
  { path: '/channels', label: 'nav.channels', uses: [['channels', 'read']] },
  { path: '/media', label: 'nav.media', uses: [['mentions', 'read']] },
  { path: '/materials', label: 'nav.materials', uses: [['materials', 'read']] },
  { path: '/events', label: 'nav.events', uses: [['events', 'read']] },
  { path: '/decisions', label: 'nav.decisions', uses: [['decisions', 'read']] },
  { path: '/imports', label: 'nav.imports', uses: [['imports', 'write']] },
  { path: '/briefs', label: 'nav.briefs', uses: [['briefs', 'read']] },
  {
    path: '/settings',
    label: 'nav.settings',
    uses: [
      ['settings', 'write'],
      ['attribution-rules', 'write'],
      ['users', 'write'],
    ],
  },
];

export function mayUse(page: AppPage, abilities: Session['abilities']): boolean {
  return page.uses.some(([resource, action]) => abilities[resource]?.includes(action));
}

/** The page a location belongs to (the dashboard for `/`). */
export function pageOf(pathname: string): AppPage | undefined {
  return pathname === '/'
    ? PAGES[0]
    : PAGES.find((page) => page.path !== '/' && pathname.startsWith(page.path));
}
