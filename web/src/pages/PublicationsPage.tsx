/** Publications of the chosen subtree and period, filtered and searched; one opens in full beside the list. */
import { Tag, Tooltip, Typography } from 'antd';
import { ListTable } from '../components/ListTable.js';
import { useNavigate, useParams } from 'react-router';
import type { PublicationItem } from '../../../src/shared/dashboard.js';
import { PLATFORM_LABELS, TOPIC_LABELS } from '../../../src/shared/labels.js';
import { orgName } from '../../../src/shared/org-name.js';
import { usePublications } from '../api/publications.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { PAGE_SIZE } from '../components/RecordTable.js';
import { PublicationDetail } from '../features/publications/PublicationDetail.js';
import { PublicationLinks } from '../features/publications/PublicationLinks.js';
import {
  PublicationFilters,
  useFilterParams,
  useSetParam,
} from '../features/publications/PublicationFilters.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgPeriod } from '../lib/org-period.js';

export default function PublicationsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const navigate = useNavigate();
  const { id } = useParams();
  const { orgCode, period } = useOrgPeriod();
  const { filter, page } = useFilterParams();
  const setParam = useSetParam();
  const publications = usePublications(
    { ...filter, org: orgCode, period, page, pageSize: PAGE_SIZE },
    orgCode !== undefined,
  );
  const open = (publication: number | undefined) =>
    navigate({
      pathname: publication === undefined ? '/publications' : `/publications/${publication}`,
      search: window.location.search,
    });
  return (
    <>
      <PageTitle title={t('nav.publications')} />
      <PublicationFilters />
      {filter.channel && (
        <Tag closable onClose={() => setParam('channel', undefined)} style={{ marginBottom: 12 }}>
          {t('pub.channel')}: {filter.channel}
        </Tag>
      )}
      {filter.group !== undefined && (
        <Tag closable onClose={() => setParam('group', undefined)} style={{ marginBottom: 12 }}>
          {filter.group === 'self' ? t('dashboard.self') : t('dashboard.directPrimaries')}
        </Tag>
      )}
      {filter.batch !== undefined && (
        <Tag closable onClose={() => setParam('batch', undefined)} style={{ marginBottom: 12 }}>
          {t('import.batch', { id: filter.batch })}
        </Tag>
      )}
      <ErrorAlert error={publications.error} />
      <ListTable<PublicationItem>
        aria-label={t('nav.publications')}
        exportOf={{ list: 'publications', query: { ...filter, org: orgCode, period } }}
        size="small"
        rowKey="id"
        loading={publications.isFetching}
        dataSource={publications.data?.items ?? []}
        scroll={{ x: true }}
        onRow={(row) => ({ onClick: () => open(row.id) })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: publications.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (next) => setParam('page', String(next)),
          showTotal: (total) => (
            <Typography.Text type="secondary">
              {t('common.total', { total: f.number(total) })}
            </Typography.Text>
          ),
        }}
        columns={[
          {
            key: 'date',
            className: 'nowrap',
            title: t('common.date'),
            render: (_, row) => f.date(row.localDate),
            width: 110,
          },
          {
            key: 'text',
            title: t('pub.text'),
            render: (_, row) => (
              <>
                <a
                  href={`/publications/${row.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    event.stopPropagation();
                    open(row.id);
                  }}
                >
                  {row.title || row.excerpt.slice(0, 140) || '—'}
                </a>
                {row.links.length > 0 && (
                  <Tooltip title={<PublicationLinks links={row.links} />}>
                    <Tag style={{ marginLeft: 8 }}>
                      {t('pub.linkCount', { count: f.number(row.links.length) })}
                    </Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            key: 'channel',
            title: t('pub.channel'),
            render: (_, row) => `${row.channel.name} (${PLATFORM_LABELS[lang][row.channel.platform]})`,
          },
          { key: 'subject', title: t('pub.subject'), render: (_, row) => orgName(row.subject, lang) },
          {
            key: 'topic',
            title: t('pub.topic'),
            render: (_, row) => (row.labels.primaryTopic ? TOPIC_LABELS[lang][row.labels.primaryTopic] : '—'),
          },
          {
            key: 'flags',
            title: t('pub.concreteness'),
            render: (_, row) => (
              <>
                {row.labels.declarative !== null && (
                  <Tag color={row.labels.declarative ? 'orange' : 'green'}>
                    {row.labels.declarative ? t('pub.declarative') : t('pub.concrete')}
                  </Tag>
                )}
                {row.labels.isRepost && <Tag>{t('pub.repost')}</Tag>}
              </>
            ),
          },
          {
            key: 'interactions',
            title: t('analytics.interactions'),
            align: 'right',
            render: (_, row) => {
              const { reactions, comments, shares } = row.engagement;
              if (reactions === null && comments === null && shares === null) return '—';
              const parts = [
                [t('analytics.reactions'), reactions],
                [t('analytics.comments'), comments],
                [t('analytics.shares'), shares],
              ] as const;
              return (
                <span title={parts.map(([label, value]) => `${label}: ${f.number(value)}`).join(', ')}>
                  {f.number((reactions ?? 0) + (comments ?? 0) + (shares ?? 0))}
                </span>
              );
            },
          },
          {
            key: 'views',
            title: t('analytics.views'),
            align: 'right',
            responsive: ['lg'],
            render: (_, row) => f.number(row.engagement.views),
          },
        ]}
      />
      <PublicationDetail id={id === undefined ? undefined : Number(id)} onClose={() => open(undefined)} />
    </>
  );
}
