/**
 * The lists and tables that download as a spreadsheet, and the spreadsheet formats. Plain constants, no zod, so
 * that the web application can import them without running zod in the browser (see the Content-Security-Policy).
 */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The plain records the UI lists, by their name in the API's paths. */
export const EXPORT_KINDS = [
  'membership',
  'people',
  'channels',
  'audience',
  'outlets',
  'mentions',
  'subscriptions',
  'materials',
  'events',
  'decisions',
  'tasks',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_LISTS = ['publications', 'publications-by-subject-platform', ...EXPORT_KINDS] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** Where a list downloads: `GET /api/v1/exports/{list}?format=…` with the list route's own filters. */
export const exportPath = (list: ExportList) => `/exports/${list}`;
