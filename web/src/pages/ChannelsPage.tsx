/**
 * The registry of pages and channels with each one's collection (status, last success, next run, followers' trend,
 * "Collect now", its runs in the expanded row); a channel's followers over time, and recording a new count.
 */
import { Card, Col, Row, Space, Tag, Tooltip } from 'antd';
import { ListTable } from '../components/ListTable.js';
import { Link, useParams } from 'react-router';
import { PLATFORM_LABELS } from '../../../src/shared/labels.js';
import { useChannelActivity } from '../api/channel-activity.js';
import { useCollections } from '../api/collect.js';
import { useRecords } from '../api/registry.js';
import type { AudienceRow, ChannelRow } from '../api/types.js';
import { Chart } from '../components/Chart.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { RecordForm } from '../components/RecordForm.js';
import { channelCode, useChannelFields } from '../features/channels/channel-form.js';
import { RecordTable } from '../components/RecordTable.js';
import { ChannelToken } from '../features/channels/ChannelToken.js';
import { CollectionRuns } from '../features/channels/CollectionRuns.js';
import { CollectionStatus } from '../features/channels/CollectionStatus.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgNames } from '../lib/org-names.js';
import { useCarriedSearch, useOrgPeriod } from '../lib/org-period.js';
import { useCan } from '../lib/session.js';

/** Snapshots of one channel: a few a year, so one page holds its whole history. */
const HISTORY_PAGE = 500;

function FollowerHistory({ channel }: { channel: ChannelRow }) {
  const { t } = useLang();
  const f = useFormat();
  const canWrite = useCan('audience');
  const history = useRecords('audience', { parentId: channel.id, pageSize: HISTORY_PAGE });
  const points = [...(history.data?.items ?? [])].sort((a, b) => a.asOf.localeCompare(b.asOf));
  return (
    <Card
      size="small"
      title={`${channel.name} — ${t('channel.history')}`}
      extra={
        canWrite && (
          <RecordForm
            kind="audience"
            title={t('channel.addSnapshot')}
            fixed={{ channel: channel.code }}
            fields={[
              { name: 'asOf', label: t('channel.asOf'), type: 'date', required: true },
              { name: 'followers', label: t('channel.followers'), type: 'number', required: true },
            ]}
          />
        )
      }
    >
      <ErrorAlert error={history.error} />
      <Chart
        label={t('channel.history')}
        height={240}
        option={{
          animation: false,
          grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis', valueFormatter: (value) => f.number(Number(value)) },
          xAxis: { type: 'category', data: points.map((point) => f.date(point.asOf)) },
          yAxis: {
            type: 'value',
            minInterval: 1,
            axisLabel: { formatter: (value: number) => f.number(value) },
          },
          series: [{ type: 'line', data: points.map((point) => point.followers), symbolSize: 8 }],
        }}
      />
      <ListTable<AudienceRow>
        aria-label={t('channel.history')}
        exportOf={{ list: 'audience', query: { parentId: channel.id } }}
        size="small"
        rowKey="id"
        dataSource={[...points].reverse()}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'asOf',
            className: 'nowrap',
            title: t('channel.asOf'),
            render: (_, point) => f.date(point.asOf),
          },
          {
            key: 'followers',
            title: t('channel.followers'),
            align: 'right',
            render: (_, point) => f.number(point.followers),
          },
        ]}
      />
    </Card>
  );
}

export default function ChannelsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const search = useCarriedSearch();
  const { code } = useParams();
  const { orgCode, period } = useOrgPeriod();
  const canWrite = useCan('channels');
  const channelFields = useChannelFields();
  // The chosen channel is looked up among the subtree's; a region has tens of channels.
  const channels = useRecords('channels', { org: orgCode, pageSize: 500 }, orgCode !== undefined);
  const chosen = channels.data?.items.find((channel) => channel.code === code);
  const collections = useCollections(orgCode);
  const healthOf = new Map(collections.data?.items.map((health) => [health.channel, health]));
  // Followers, posts and activity for the period chosen, as the dashboard counts them.
  const activity = useChannelActivity(orgCode, period);
  const activityOf = new Map(activity.data?.channels.map((channel) => [channel.code, channel]));
  if (!orgCode) return null;
  return (
    <>
      <PageTitle title={t('nav.channels')}>
        {canWrite && (
          <RecordForm
            kind="channels"
            title={t('common.add')}
            fixed={{ org: orgCode }}
            fields={channelFields}
            derive={channelCode(orgCode)}
          />
        )}
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={chosen ? 13 : 24}>
          <RecordTable
            kind="channels"
            label={t('nav.channels')}
            query={{ org: orgCode }}
            expandable={(row) => <CollectionRuns code={row.code} timeZone={names.zoneOf(row.orgCode)} />}
            columns={[
              {
                key: 'name',
                title: t('common.name'),
                render: (_, row) => <Link to={`/channels/${row.code}${search}`}>{row.name}</Link>,
              },
              {
                key: 'platform',
                title: t('common.platform'),
                responsive: ['sm'],
                render: (_, row) => PLATFORM_LABELS[lang][row.platform],
              },
              {
                key: 'collection',
                title: t('collect.column'),
                render: (_, row) => {
                  const health = healthOf.get(row.code);
                  return health ? (
                    <CollectionStatus
                      health={health}
                      timeZone={names.zoneOf(row.orgCode)}
                      checkedAt={collections.dataUpdatedAt}
                    />
                  ) : null;
                },
              },
              {
                key: 'followers',
                title: t('channels.followers'),
                align: 'right',
                render: (_, row) => f.number(activityOf.get(row.code)?.followers),
              },
              {
                key: 'posts',
                title: t('channels.posts'),
                align: 'right',
                render: (_, row) => f.number(activityOf.get(row.code)?.posts),
              },
              {
                key: 'lastPost',
                title: t('channels.lastPost'),
                responsive: ['md'],
                // The date never breaks; the title may, at a word's end.
                render: (_, row) => (
                  <span className="nowrap">{f.date(activityOf.get(row.code)?.lastPublished)}</span>
                ),
              },
              {
                key: 'activity',
                title: t('channels.activity'),
                responsive: ['md'],
                render: (_, row) => {
                  const channel = activityOf.get(row.code);
                  if (!channel || !activity.data) return null;
                  const rule = t('channels.activeRule', {
                    days: activity.data.activeDays,
                    date: f.date(activity.data.asOf),
                  });
                  return (
                    <Tooltip title={rule}>
                      <Tag color={channel.active ? 'green' : undefined}>
                        {t(channel.active ? 'channels.active' : 'channels.inactive')}
                      </Tag>
                    </Tooltip>
                  );
                },
              },
              // A phone's width keeps the name and the collection (which names the platform's collector); the rest is on
              // wider screens.
              {
                key: 'org',
                title: t('channel.owner'),
                responsive: ['lg'],
                render: (_, row) => names.ofCode(row.orgCode),
              },
              {
                key: 'created',
                className: 'nowrap',
                title: t('channel.created'),
                responsive: ['xxl'],
                render: (_, row) => f.date(row.createdOn),
              },
              {
                key: 'url',
                title: t('common.link'),
                responsive: ['md'],
                render: (_, row) =>
                  row.url ? (
                    <a href={row.url} target="_blank" rel="noreferrer">
                      {row.handle ?? t('common.open')}
                    </a>
                  ) : null,
              },
              {
                key: 'closed',
                title: t('channel.closed'),
                // Rarely filled: on a laptop's width its room goes to the activity columns.
                responsive: ['xxl'],
                render: (_, row) => (row.closedOn ? <Tag>{f.date(row.closedOn)}</Tag> : null),
              },
            ]}
          />
        </Col>
        {chosen && (
          <Col xs={24} xl={11}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <ChannelToken channel={chosen} />
              <FollowerHistory channel={chosen} />
            </Space>
          </Col>
        )}
      </Row>
    </>
  );
}
