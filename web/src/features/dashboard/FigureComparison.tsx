/**
 * The dashboard's figures against the previous period of the same length and the same period a year before: each
 * base with the difference, its percentage and a trend mark. Counts change by a percentage of the base; shares and
 * reach, themselves percentages, by percentage points. Members and followers of a comparison period are taken as
 * far from its end as the period's own "as of" is from the period's end.
 */
import { Typography } from 'antd';
import { type Change, changeOf, TREND_MARKS } from '../../../../src/shared/change.js';
import type { ComparedValue, DashboardResponse, DateRange } from '../../../../src/shared/dashboard.js';
import { Panel } from '../../components/Panel.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

const TREND_COLORS = { up: '#389e0d', down: '#cf1322', flat: undefined } as const;

/** A count changes by a percentage of its base; a share by percentage points. */
type FigureKind = 'count' | 'share';

interface FigureRow {
  key: string;
  title: string;
  kind: FigureKind;
  figure: ComparedValue;
}

function Against({ current, base, kind }: { current: number | null; base: number | null; kind: FigureKind }) {
  const { t } = useLang();
  const f = useFormat();
  const shown = kind === 'share' ? f.percent(base) : f.number(base);
  if (current === null || base === null) return <span style={{ whiteSpace: 'nowrap' }}>{shown}</span>;
  const change: Change = changeOf(current, base);
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const amount =
    kind === 'share'
      ? t('dashboard.points', { points: f.number(Math.round(Math.abs(change.delta) * 1000) / 10) })
      : `${f.number(Math.abs(change.delta))}${change.ratio === null ? '' : ` (${sign}${f.percent(Math.abs(change.ratio))})`}`;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {shown}{' '}
      <Typography.Text style={{ color: TREND_COLORS[change.trend] }} data-trend={change.trend}>
        {TREND_MARKS[change.trend]} {sign}
        {amount}
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
  const { comparisons } = data;
  const rows: FigureRow[] = [
    { key: 'publications', title: t('dashboard.publications'), kind: 'count', figure: data.publications },
    { key: 'website', title: t('dashboard.website'), kind: 'count', figure: data.websitePublications },
    { key: 'mentions', title: t('dashboard.mentions'), kind: 'count', figure: data.mediaMentions },
    { key: 'members', title: t('dashboard.members'), kind: 'count', figure: comparisons.members },
    { key: 'followers', title: t('dashboard.followers'), kind: 'count', figure: comparisons.followers },
    { key: 'reach', title: t('dashboard.reachFigure'), kind: 'share', figure: comparisons.reach },
    { key: 'legalShare', title: t('dashboard.legalShare'), kind: 'share', figure: comparisons.legalShare },
    {
      key: 'declarativeShare',
      title: t('dashboard.declarativeShare'),
      kind: 'share',
      figure: comparisons.declarativeShare,
    },
    { key: 'repostShare', title: t('dashboard.repostShare'), kind: 'share', figure: comparisons.repostShare },
  ];
  // On a phone each figure is a card and each value stands beside its column's name and dates.
  const labels = {
    current: `${t('dashboard.currentPeriod')}, ${range(data.period)}`,
    previous: `${t('dashboard.previousPeriod')}, ${range(data.previousPeriod)}`,
    yearBefore: `${t('dashboard.yearBefore')}, ${range(data.yearBeforePeriod)}`,
  };
  const shown = (row: FigureRow) =>
    row.kind === 'share' ? f.percent(row.figure.current) : f.number(row.figure.current);
  // A table of the page's own, not antd's: the comparison stands on the first screen, and antd's table (some
  // 60 kB of script gzipped) is then loaded only with the tables below it (web/src/components/WhenSeen.tsx).
  return (
    <Panel title={title}>
      <div className="figure-table-scroll">
        <table className="figure-table" aria-label={title}>
          <thead>
            <tr>
              <th>{t('dashboard.figure')}</th>
              <th>{heading(t('dashboard.currentPeriod'), data.period)}</th>
              <th>{heading(t('dashboard.previousPeriod'), data.previousPeriod)}</th>
              <th>{heading(t('dashboard.yearBefore'), data.yearBeforePeriod)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.title}</td>
                <td data-label={labels.current}>
                  <strong>{shown(row)}</strong>
                </td>
                <td data-label={labels.previous}>
                  <Against current={row.figure.current} base={row.figure.previous} kind={row.kind} />
                </td>
                <td data-label={labels.yearBefore}>
                  <Against current={row.figure.current} base={row.figure.yearBefore} kind={row.kind} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('dashboard.comparisonAsOf', {
          current: f.date(data.asOf),
          previous: f.date(comparisons.previousAsOf),
          yearBefore: f.date(comparisons.yearBeforeAsOf),
        })}
      </Typography.Paragraph>
    </Panel>
  );
}
