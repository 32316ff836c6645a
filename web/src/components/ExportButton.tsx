/**
 * Downloads a list or table as XLSX or CSV: plain links, so the browser saves the file under the name the server
 * gives it (the session cookie signs the request in; a GET needs no CSRF token).
 */
import { Button, Dropdown } from 'antd';
import { EXPORT_FORMATS, type ExportList, exportUrl } from '../api/exports.js';
import type { Query } from '../api/client.js';
import { useLang } from '../i18n/index.js';

export interface ExportOf {
  list: ExportList;
  /** The list's own filters, as its JSON route takes them. */
  query: Query;
}

export function ExportButton({ list, query, label }: ExportOf & { label?: string }) {
  const { t } = useLang();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: EXPORT_FORMATS.map((format) => ({
          key: format,
          label: (
            <a href={exportUrl(list, format, query)} download data-export-format={format}>
              {t(`export.${format}`)}
            </a>
          ),
        })),
      }}
    >
      <Button size="small" aria-label={label ? t('export.of', { what: label }) : t('export.button')}>
        {t('export.button')} ▾
      </Button>
    </Dropdown>
  );
}
