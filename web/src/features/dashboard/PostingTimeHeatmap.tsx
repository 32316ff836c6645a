/**
 * When and how to post: a weekday × hour heatmap in the organization's zone (the hours that have publications),
 * coloured by the mean interactions per post, each cell with its number of posts; cells of fewer posts than the
 * answer's minimum give no verdict and stay grey. Beside it the same by media kind and by length band.
 */
import { Card, Col, Row, Space, Table, Typography } from 'antd';
import type { PostingCellAnswer, PostingTimeAnswer } from '../../../../src/shared/engagement.schema.js';
import { usePostingTime } from '../../api/engagement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NO_VERDICT = '#f0f0f0';

/** A blue as deep as the cell's share of the largest mean among cells with a verdict. */
const shadeOf = (mean: number, max: number) => {
  const depth = max > 0 ? mean / max : 0;
  return `rgba(22, 119, 255, ${(0.08 + depth * 0.72).toFixed(2)})`;
};

function Grid({ data }: { data: PostingTimeAnswer }) {
  const { t } = useLang();
  const f = useFormat();
  const cells = new Map(data.grid.map((cell) => [`${cell.weekday}-${cell.hour}`, cell]));
  const hours = data.grid.map((cell) => cell.hour);
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const columns = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const max = Math.max(0, ...data.grid.filter((cell) => cell.verdict).map((cell) => cell.meanInteractions));
  // A weekday over all its hours has posts enough for a verdict more often than one hour of it.
  const days = new Map(data.byWeekday.map((day) => [day.weekday, day]));
  const dayMax = Math.max(
    0,
    ...data.byWeekday.filter((day) => day.verdict).map((day) => day.meanInteractions),
  );
  const dayName = (weekday: number) => t(`analytics.weekday.${weekday}` as 'analytics.weekday.1');
  const cellStyle = { width: 28, minWidth: 28, height: 28, textAlign: 'center' as const, fontSize: 12 };
  return (
    // The grid scrolls within its card on a phone; the page itself never scrolls sideways.
    <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <table
        aria-label={t('analytics.postingTime')}
        style={{ borderCollapse: 'separate', borderSpacing: 2 }}
        data-testid="posting-heatmap"
      >
        <thead>
          <tr>
            <th
              scope="col"
              style={{ fontWeight: 'normal', textAlign: 'left', paddingRight: 4, whiteSpace: 'nowrap' }}
            >
              <Typography.Text type="secondary">{t('analytics.hour')}</Typography.Text>
            </th>
            {columns.map((hour) => (
              <th key={hour} scope="col" style={{ ...cellStyle, fontWeight: 'normal', height: 'auto' }}>
                <Typography.Text type="secondary">{hour}</Typography.Text>
              </th>
            ))}
            <th scope="col" style={{ fontWeight: 'normal', paddingLeft: 6, whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary">{t('analytics.allHours')}</Typography.Text>
            </th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => (
            <tr key={weekday}>
              <th scope="row" style={{ fontWeight: 'normal', textAlign: 'left', paddingRight: 4 }}>
                {dayName(weekday)}
              </th>
              {columns.map((hour) => {
                const cell = cells.get(`${weekday}-${hour}`);
                if (!cell) return <td key={hour} style={{ ...cellStyle, background: '#fafafa' }} />;
                const label = t(cell.verdict ? 'analytics.cell' : 'analytics.cellNoVerdict', {
                  day: dayName(weekday),
                  hour,
                  posts: f.number(cell.posts),
                  mean: f.number(cell.meanInteractions),
                });
                return (
                  <td
                    key={hour}
                    title={label}
                    aria-label={label}
                    data-cell={`${weekday}-${hour}`}
                    data-verdict={cell.verdict}
                    style={{
                      ...cellStyle,
                      background: cell.verdict ? shadeOf(cell.meanInteractions, max) : NO_VERDICT,
                      color: cell.verdict ? undefined : '#8c8c8c',
                    }}
                  >
                    {cell.posts}
                  </td>
                );
              })}
              <DayTotal cell={days.get(weekday)} max={dayMax} label={dayName(weekday)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A weekday's posts over all hours, shaded on the weekdays' own scale. */
function DayTotal({ cell, max, label }: { cell: PostingCellAnswer | undefined; max: number; label: string }) {
  const { t } = useLang();
  const f = useFormat();
  if (!cell || cell.posts === 0) return <td />;
  const text = t(cell.verdict ? 'analytics.dayCell' : 'analytics.dayCellNoVerdict', {
    day: label,
    posts: f.number(cell.posts),
    mean: f.number(cell.meanInteractions),
  });
  return (
    <td
      title={text}
      aria-label={text}
      data-day={label}
      data-verdict={cell.verdict}
      style={{
        minWidth: 44,
        height: 28,
        paddingLeft: 6,
        textAlign: 'center',
        fontSize: 12,
        fontWeight: 600,
        background: cell.verdict ? shadeOf(cell.meanInteractions, max) : NO_VERDICT,
        color: cell.verdict ? undefined : '#8c8c8c',
      }}
    >
      {cell.posts}
    </td>
  );
}

type Split<K extends string, V> = PostingCellAnswer & Record<K, V>;

/** A split's table: its name, posts, mean interactions (none without a verdict) and the rates. */
function SplitTable<T extends PostingCellAnswer>({
  title,
  rows,
  nameOf,
  keyOf,
}: {
  title: string;
  rows: readonly T[];
  nameOf: (row: T) => string;
  keyOf: (row: T) => string;
}) {
  const { t } = useLang();
  const f = useFormat();
  const muted = (row: T, text: string) =>
    row.verdict ? text : <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Table<T>
      aria-label={title}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={keyOf}
      dataSource={[...rows]}
      onRow={(row) => ({ 'data-verdict': row.verdict }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'name', title: '', render: (_, row) => muted(row, nameOf(row)) },
        {
          key: 'posts',
          title: t('analytics.posts'),
          align: 'right',
          render: (_, row) => muted(row, f.number(row.posts)),
        },
        {
          key: 'mean',
          title: t('analytics.meanInteractions'),
          // A set width lets the long heading wrap at word ends on a phone.
          width: 130,
          align: 'right',
          render: (_, row) =>
            row.verdict ? (
              f.number(row.meanInteractions)
            ) : (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('analytics.noVerdict')}
              </Typography.Text>
            ),
        },
        {
          key: 'erViews',
          title: t('analytics.erViews'),
          width: 110,
          align: 'right',
          render: (_, row) => muted(row, row.verdict ? f.percent(row.engagementByViews) : '—'),
        },
      ]}
    />
  );
}

export function PostingTimeHeatmap({ orgCode, period }: { orgCode: string; period: string }) {
  const { t } = useLang();
  const f = useFormat();
  const answer = usePostingTime(orgCode, period);
  if (answer.error) return <ErrorAlert error={answer.error} />;
  const data = answer.data;
  const title = t('analytics.postingTime');
  return (
    <Card size="small" title={title} role="region" aria-label={title} loading={!data}>
      {data &&
        (data.grid.length === 0 ? (
          <Typography.Text type="secondary">{t('dashboard.noPublications')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('analytics.postingHint', { min: data.minPosts, zone: f.zone(data.timeZone) })}
            </Typography.Text>
            <Grid data={data} />
            <Row gutter={[16, 12]}>
              <Col xs={24} lg={12}>
                <SplitTable<Split<'mediaKind', string>>
                  title={t('analytics.byMediaKind')}
                  rows={data.byMediaKind}
                  keyOf={(row) => row.mediaKind}
                  nameOf={(row) => t(`analytics.media.${row.mediaKind}` as 'analytics.media.text')}
                />
              </Col>
              <Col xs={24} lg={12}>
                <SplitTable<Split<'band', string>>
                  title={t('analytics.byLength')}
                  rows={data.byLength}
                  keyOf={(row) => row.band}
                  nameOf={(row) => t(`analytics.length.${row.band}` as 'analytics.length.short')}
                />
              </Col>
            </Row>
          </Space>
        ))}
    </Card>
  );
}
