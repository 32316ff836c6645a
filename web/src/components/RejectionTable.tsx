/**
 * An import's rejections, one line each as the server tells them (file, record, field, what is wrong), paged. A
 * batch comes with its first rejections and their total: the table says how many it shows of how many, and reads
 * more from the server on demand.
 */
import { Button, Space, Typography } from 'antd';
import { ListTable } from './ListTable.js';
import { useState } from 'react';
import { fetchRejections, type ImportBatch } from '../api/imports.js';
import { useFormat } from '../lib/format.js';
import { useLang } from '../i18n/index.js';
import { ErrorAlert } from './ErrorAlert.js';

type Rejection = ImportBatch['rejections'][number];

export function RejectionTable({
  batch,
}: {
  /** A dry run's answer has no batch to read more of. */
  batch: Pick<ImportBatch, 'rejections' | 'rejectionsTotal'> & { id?: number | undefined };
}) {
  const { t } = useLang();
  const f = useFormat();
  const [more, setMore] = useState<Rejection[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const rejections = [...batch.rejections, ...more];
  const total = Math.max(batch.rejectionsTotal, rejections.length);
  const { id } = batch;
  const loadMore = async () => {
    if (id === undefined) return;
    setLoading(true);
    try {
      setMore([...more, ...(await fetchRejections(id, rejections.length)).items]);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ListTable<Rejection>
        aria-label={t('import.rejections')}
        size="small"
        rowKey={(rejection) =>
          `${rejection.file}-${rejection.record.kind}-${rejection.record.index}-${rejection.field}-${rejection.code}`
        }
        dataSource={rejections}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[{ key: 'message', title: t('import.rejections'), dataIndex: 'message' }]}
      />
      {rejections.length < total && (
        <Space wrap>
          <Typography.Text type="secondary">
            {t('import.rejectionsShown', { shown: f.number(rejections.length), total: f.number(total) })}
          </Typography.Text>
          {id !== undefined && (
            <Button size="small" loading={loading} onClick={() => void loadMore()}>
              {t('import.moreRejections')}
            </Button>
          )}
        </Space>
      )}
      <ErrorAlert error={error} />
    </Space>
  );
}
