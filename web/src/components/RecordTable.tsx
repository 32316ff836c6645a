/**
 * One kind of plain record of the chosen organization's subtree and period, paged on the server, with delete
 * for those allowed to change it.
 */
import { Button, Popconfirm, type TableColumnsType, Typography } from 'antd';
import { ListTable } from './ListTable.js';
import { useState } from 'react';
import { type RecordsQuery, useDeleteRecord, useRecords } from '../api/registry.js';
import type { RegistryKind, RegistryRows } from '../api/types.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useCan } from '../lib/session.js';
import { ErrorAlert } from './ErrorAlert.js';

/** The resource whose abilities govern each kind (tasks belong to decisions). */
export const RESOURCE_OF: Readonly<Record<RegistryKind, string>> = {
  channels: 'channels',
  audience: 'audience',
  outlets: 'outlets',
  mentions: 'mentions',
  subscriptions: 'subscriptions',
  materials: 'materials',
  events: 'events',
  decisions: 'decisions',
  tasks: 'decisions',
};

export const PAGE_SIZE = 20;

export function RecordTable<K extends RegistryKind>({
  kind,
  query,
  columns,
  label,
  rowClassName,
  expandable,
}: {
  kind: K;
  query: Omit<RecordsQuery, 'page' | 'pageSize'>;
  columns: TableColumnsType<RegistryRows[K]>;
  label: string;
  rowClassName?: (row: RegistryRows[K]) => string;
  expandable?: (row: RegistryRows[K]) => React.ReactNode;
}) {
  const { t } = useLang();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const records = useRecords(kind, { ...query, page, pageSize: PAGE_SIZE });
  const remove = useDeleteRecord(kind);
  const canWrite = useCan(RESOURCE_OF[kind]);
  const actions: TableColumnsType<RegistryRows[K]> = canWrite
    ? [
        {
          key: 'actions',
          title: t('common.actions'),
          width: 110,
          render: (_, row) => (
            <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => remove.mutate(row.id)}>
              <Button size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ),
        },
      ]
    : [];
  return (
    <>
      <ErrorAlert error={records.error ?? remove.error} />
      <ListTable<RegistryRows[K]>
        aria-label={label}
        size="small"
        rowKey="id"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        columns={[...columns, ...actions]}
        exportOf={{ list: kind, query }}
        scroll={{ x: true }}
        {...(rowClassName ? { rowClassName } : {})}
        {...(expandable ? { expandable: { expandedRowRender: expandable } } : {})}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: records.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => (
            <Typography.Text type="secondary">
              {t('common.total', { total: f.number(total) })}
            </Typography.Text>
          ),
        }}
      />
    </>
  );
}
