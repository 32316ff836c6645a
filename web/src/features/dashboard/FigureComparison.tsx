/**
 * The dashboard's publication and mention figures against the previous period of the same length and the same
 * period a year before: each base with the difference, its percentage and a trend mark.
 */
import { Card, Table, Typography } from 'antd';
import { type Change, changeOf, TREND_MARKS } from '../../../../src/shared/change.js';
import type { Compared, DashboardResponse, DateRange } from '../../../../src/shared/dashboard.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

const TREND_COLORS = { up: '#389e0d', down: '#cf1322', flat: undefined } as const;

interface FigureRow {
  key: string;
  title: string;
  figure: Compared;
}

function Against({ current, base }: { current: number; base: number }) {
  const f = useFormat();
  const change: Change = changeOf(current, base);
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const percent = change.ratio === null ? '' : ` (${sign}${f.percent(Math.abs(change.ratio))})`;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {f.number(base)}{' '}
      <Typography.Text style={{ color: TREND_COLORS[change.trend] }} data-trend={change.trend}>
        {TREND_MARKS[change.trend]} {sign}
        {f.number(Math.abs(change.delta))}
        {percent}
      </Typography.Text>
    </span>
  );
}

export function FigureComparison({ data }: { data: DashboardResponse }) {
  const { t } = useLang();
  const f = useFormat();
  const title = t('dashboard.comparison');
  const range = (period: DateRange) => `${f.date(period.from)} – ${f.date(period.to)}`;
  const heading = (name: string, period: DateRange) => (
    <>
      {name}
      <br />
      <Typography.Text type="secondary" style={{ fontWeight: 'normal', whiteSpace: 'nowrap' }}>
        {range(period)}
      </Typography.Text>
    </>
  );
  const rows: FigureRow[] = [
    { key: 'publications', title: t('dashboard.publications'), figure: data.publications },
    { key: 'website', title: t('dashboard.website'), figure: data.websitePublications },
    { key: 'mentions', title: t('dashboard.mentions'), figure: data.mediaMentions },
  ];
  return (
    <Card size="small" title={title}>
      <Table<FigureRow>
        aria-label={title}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'figure', title: t('dashboard.figure'), render: (_, row) => row.title },
          {
            key: 'current',
            title: heading(t('dashboard.currentPeriod'), data.period),
            align: 'right',
            render: (_, row) => <strong>{f.number(row.figure.current)}</strong>,
          },
          {
            key: 'previous',
            title: heading(t('dashboard.previousPeriod'), data.previousPeriod),
            align: 'right',
            render: (_, row) => <Against current={row.figure.current} base={row.figure.previous} />,
          },
          {
            key: 'yearBefore',
            title: heading(t('dashboard.yearBefore'), data.yearBeforePeriod),
            align: 'right',
            render: (_, row) => <Against current={row.figure.current} base={row.figure.yearBefore} />,
          },
        ]}
      />
    </Card>
  );
}
