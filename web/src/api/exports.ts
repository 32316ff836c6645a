/** Lists and tables as spreadsheets: `GET /exports/{list}?format&…` with the list's own filters, downloaded by a link. */
import { type ExportFormat, type ExportList, exportPath } from '../../../src/shared/export-lists.js';
import { type Query, withQuery } from './client.js';

export { EXPORT_FORMATS, type ExportFormat, type ExportList } from '../../../src/shared/export-lists.js';

/** The link that downloads the list; paging is left out, as the file holds every row. */
export function exportUrl(list: ExportList, format: ExportFormat, query: Query): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/v1${withQuery(exportPath(list), { ...filters, format })}`;
}
