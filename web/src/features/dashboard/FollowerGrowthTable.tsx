/**
 * Followers' growth per channel over the period: the count at the start (the latest on or before the period's
 * first day, else the channel's first count within it, dated), at the end (the dashboard's date), and the change
 * with its percentage and trend mark. The organization's own pages come first.
 */
import { Card, Grid, List, Table, Tag, Typography } from 'antd';
import { TREND_MARKS } from '../../../../src/shared/change.js';
import type { FollowerGrowthChannel } from '../../../../src/shared/engagement.schema.js';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { useFollowerGrowth } from '../../api/engagement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

const TREND_COLORS = { up: '#389e0d', down: '#cf1322', flat: undefined } as const;

function Count({ value, asOf }: { value: number | null; asOf: string | null }) {
  const f = useFormat();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {f.number(value)}
      {asOf && (
        // The count's date under it keeps the column narrow on a phone.
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {f.date(asOf)}
        </Typography.Text>
      )}
    </span>
  );
}

function ChangeText({ row }: { row: FollowerGrowthChannel }) {
  const f = useFormat();
  if (row.delta === null || row.trend === null) return <>—</>;
  const sign = row.delta > 0 ? '+' : row.delta < 0 ? '−' : '±';
  const percent = row.ratio === null ? '' : ` (${sign}${f.percent(Math.abs(row.ratio))})`;
  return (
    <Typography.Text style={{ color: TREND_COLORS[row.trend], whiteSpace: 'nowrap' }} data-trend={row.trend}>
      {TREND_MARKS[row.trend]} {sign}
      {f.number(Math.abs(row.delta))}
      {percent}
    </Typography.Text>
  );
}

function ChannelName({ row }: { row: FollowerGrowthChannel }) {
  const { lang, t } = useLang();
  return (
    <>
      <Tag>{PLATFORM_LABELS[lang][row.platform]}</Tag>
      {row.url ? (
        <Typography.Link href={row.url} target="_blank" rel="noreferrer" data-user-text>
          {row.name}
        </Typography.Link>
      ) : (
        <span data-user-text>{row.name}</span>
      )}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <span data-user-text>{orgName(row.owner, lang)}</span>
        {row.ownPage && ` · ${t('analytics.ownPage')}`}
      </Typography.Text>
    </>
  );
}

/** On a phone each channel is a card: its name, then start → end and the change on one line. */
function GrowthCards({ channels }: { channels: FollowerGrowthChannel[] }) {
  const { t } = useLang();
  return (
    <List<FollowerGrowthChannel>
      size="small"
      dataSource={channels}
      rowKey="code"
      locale={{ emptyText: t('analytics.noFollowers') }}
      renderItem={(row) => (
        <List.Item data-channel={row.code}>
          <div style={{ width: '100%' }}>
            <ChannelName row={row} />
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 4 }}>
              <span>
                <Typography.Text type="secondary">{t('analytics.start')}: </Typography.Text>
                <Count value={row.start} asOf={null} />
              </span>
              <span>
                <Typography.Text type="secondary">{t('analytics.end')}: </Typography.Text>
                <Count value={row.end} asOf={null} />
              </span>
              <ChangeText row={row} />
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

export function FollowerGrowthTable({ orgCode, period }: { orgCode: string; period: string }) {
  const { t } = useLang();
  const screens = Grid.useBreakpoint();
  const answer = useFollowerGrowth(orgCode, period);
  if (answer.error) return <ErrorAlert error={answer.error} />;
  const data = answer.data;
  const title = t('analytics.followerGrowth');
  return (
    <Card size="small" title={title} role="region" aria-label={title} loading={!data}>
      {data && !screens.sm && <GrowthCards channels={data.channels} />}
      {data && screens.sm && (
        <Table<FollowerGrowthChannel>
          aria-label={title}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="code"
          dataSource={data.channels}
          locale={{ emptyText: t('analytics.noFollowers') }}
          onRow={(row) => ({ 'data-channel': row.code }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'channel',
              title: t('analytics.channel'),
              render: (_, row) => (
                <div style={{ minWidth: 130, maxWidth: 240 }}>
                  <ChannelName row={row} />
                </div>
              ),
            },
            {
              key: 'start',
              title: t('analytics.start'),
              align: 'right',
              render: (_, row) => <Count value={row.start} asOf={row.startAsOf} />,
            },
            {
              key: 'end',
              title: t('analytics.end'),
              align: 'right',
              render: (_, row) => <Count value={row.end} asOf={row.endAsOf} />,
            },
            {
              key: 'change',
              title: t('analytics.change'),
              align: 'right',
              render: (_, row) => <ChangeText row={row} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
