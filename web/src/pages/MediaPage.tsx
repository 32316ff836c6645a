/** The subtree's appearances in the media, the outlets, and the press subscriptions. */
import { Tabs } from 'antd';
import { useMemo } from 'react';
import { MENTION_KIND_LABELS, OUTLET_LEVEL_LABELS } from '../../../src/shared/labels.js';
import { MENTION_KINDS } from '../../../src/shared/vocabulary.js';
import { useRecords } from '../api/registry.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { RecordTable } from '../components/RecordTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';

/** Outlets are few (a region has tens): one page of them names every mention's outlet. */
const OUTLETS_PAGE = 500;

export default function MediaPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const { orgCode, period } = useOrgPeriod();
  const canWrite = useCan('mentions');
  const outlets = useRecords('outlets', { pageSize: OUTLETS_PAGE });
  const outletName = useMemo(() => {
    const byId = new Map((outlets.data?.items ?? []).map((outlet) => [outlet.id, outlet]));
    return (id: number) => byId.get(id)?.name ?? '';
  }, [outlets.data]);
  if (!orgCode) return null;
  const year = period.slice(0, 4);
  return (
    <>
      <PageTitle title={t('nav.media')}>
        {canWrite && (
          <RecordForm
            kind="mentions"
            title={t('common.add')}
            fixed={{ org: orgCode }}
            fields={[
              { name: 'title', label: t('common.title'), type: 'text', required: true },
              {
                name: 'outlet',
                label: t('media.outlet'),
                type: 'select',
                required: true,
                options: (outlets.data?.items ?? []).map((outlet) => ({
                  value: outlet.code,
                  label: outlet.name,
                })),
              },
              {
                name: 'kind',
                label: t('common.kind'),
                type: 'select',
                options: MENTION_KINDS.map((kind) => ({
                  value: kind,
                  label: MENTION_KIND_LABELS[lang][kind],
                })),
              },
              { name: 'publishedOn', label: t('common.date'), type: 'date', required: true },
              { name: 'url', label: t('common.link'), type: 'url' },
            ]}
          />
        )}
      </PageTitle>
      <Tabs
        items={[
          {
            key: 'mentions',
            label: t('media.mentions'),
            children: (
              <RecordTable
                kind="mentions"
                label={t('media.mentions')}
                query={{ org: orgCode, period }}
                columns={[
                  {
                    key: 'title',
                    title: t('common.title'),
                    render: (_, row) =>
                      row.url ? (
                        <a href={row.url} target="_blank" rel="noreferrer">
                          {row.title}
                        </a>
                      ) : (
                        row.title
                      ),
                  },
                  { key: 'outlet', title: t('media.outlet'), render: (_, row) => outletName(row.outletId) },
                  {
                    key: 'kind',
                    title: t('common.kind'),
                    render: (_, row) => MENTION_KIND_LABELS[lang][row.kind],
                  },
                  {
                    key: 'org',
                    title: t('common.organization'),
                    render: (_, row) => names.ofCode(row.orgCode),
                  },
                  {
                    key: 'date',
                    className: 'nowrap',
                    title: t('common.date'),
                    render: (_, row) => f.date(row.publishedOn),
                  },
                ]}
              />
            ),
          },
          {
            key: 'outlets',
            label: t('media.outlets'),
            children: (
              <RecordTable
                kind="outlets"
                label={t('media.outlets')}
                query={{}}
                columns={[
                  { key: 'name', title: t('common.name'), dataIndex: 'name' },
                  {
                    key: 'level',
                    title: t('media.level'),
                    render: (_, row) => OUTLET_LEVEL_LABELS[lang][row.level],
                  },
                  { key: 'kind', title: t('common.kind'), render: (_, row) => t(`outletKind.${row.kind}`) },
                ]}
              />
            ),
          },
          {
            key: 'subscriptions',
            label: t('media.subscriptions'),
            children: (
              <RecordTable
                kind="subscriptions"
                label={t('media.subscriptions')}
                query={{ org: orgCode }}
                columns={[
                  { key: 'outlet', title: t('media.outlet'), render: (_, row) => outletName(row.outletId) },
                  {
                    key: 'org',
                    title: t('common.organization'),
                    render: (_, row) => names.ofCode(row.orgCode),
                  },
                  { key: 'year', title: t('common.year'), dataIndex: 'year' },
                  {
                    key: 'copies',
                    title: t('media.copies'),
                    align: 'right',
                    render: (_, row) => f.number(row.copies),
                  },
                ]}
                rowClassName={(row) => (String(row.year) === year ? 'row-current' : '')}
              />
            ),
          },
        ]}
      />
    </>
  );
}
