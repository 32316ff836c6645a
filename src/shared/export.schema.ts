/** What an export asks beside its list's own filters: the file's format. */
import { z } from 'zod';
import { EXPORT_FORMATS } from './export-lists.js';

export const exportFormat = z
  .enum(EXPORT_FORMATS)
  .default('xlsx')
  .meta({
    description:
      'The file: `xlsx` (a workbook of one sheet) or `csv` (UTF-8 with a byte order mark, `;` between fields, ' +
      'as Excel opens it in Russian and Kazakh regional settings)',
    example: 'xlsx',
  });
