/** An import's rejections, one line each as the server tells them (file, record, field, what is wrong), paged. */
import { Table } from 'antd';
import type { ImportBatch } from '../api/imports.js';
import { useLang } from '../i18n/index.js';

type Rejection = ImportBatch['rejections'][number];

export function RejectionTable({ rejections }: { rejections: readonly Rejection[] }) {
  const { t } = useLang();
  return (
    <Table<Rejection>
      aria-label={t('import.rejections')}
      size="small"
      rowKey={(rejection) =>
        `${rejection.file}-${rejection.record.kind}-${rejection.record.index}-${rejection.field}`
      }
      dataSource={[...rejections]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[{ key: 'message', title: t('import.rejections'), dataIndex: 'message' }]}
    />
  );
}
