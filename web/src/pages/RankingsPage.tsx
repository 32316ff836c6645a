/**
 * The chosen organization's branches (a sector union's regions) ranked for the period: a column per measure, each
 * value with its rank and the figures it is made of, sortable by any of them; cards on a phone, ordered by the
 * measure chosen above them.
 */
import { Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router';
import { orgName } from '../../../src/shared/org-name.js';
import type { RankedValue, RankingMeasure, RankingRow } from '../../../src/shared/ranking.schema.js';
import { useRankings } from '../api/rankings.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ListTable } from '../components/ListTable.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgPeriod } from '../lib/org-period.js';

/** The measures in the order of the columns (the API's, typed without importing its schema into the browser). */
const MEASURES: readonly RankingMeasure[] = [
  'publicationsPerThousand',
  'reach',
  'concreteShare',
  'legalShare',
  'followerGrowth',
];

type Order = Exclude<SortOrder, null>;

/** The rows by the measure, in the order asked; those without a value last either way. */
function sorted(rows: readonly RankingRow[], measure: RankingMeasure, order: Order): RankingRow[] {
  const sign = order === 'descend' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.values[measure].value;
    const y = b.values[measure].value;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}

function Figure({ measure, figure }: { measure: RankingMeasure; figure: RankedValue }) {
  const { t } = useLang();
  const f = useFormat();
  if (figure.value === null) {
    return (
      <Tooltip title={t(`rankings.none.${measure}`)}>
        <Typography.Text type="secondary">—</Typography.Text>
      </Tooltip>
    );
  }
  const value =
    measure === 'publicationsPerThousand'
      ? f.number(figure.value)
      : measure === 'followerGrowth'
        ? `${figure.value > 0 ? '+' : ''}${f.number(figure.value)}`
        : f.percent(figure.value);
  const behind =
    measure === 'followerGrowth'
      ? `${f.number(figure.denominator)} → ${f.number(figure.numerator)}`
      : `${f.number(figure.numerator)} / ${f.number(figure.denominator)}`;
  const said = t(`rankings.behind.${measure}`, {
    numerator: f.number(figure.numerator),
    denominator: f.number(figure.denominator),
  });
  return (
    <Tooltip title={said}>
      <span aria-label={`${value}; ${said}`}>
        <span className="nowrap">
          <Typography.Text strong>{value}</Typography.Text>{' '}
          <Tag bordered={false} color={figure.rank === 1 ? 'gold' : undefined}>
            {t('rankings.place', { rank: figure.rank ?? '—' })}
          </Tag>
        </span>
        <br />
        <Typography.Text type="secondary" className="nowrap" style={{ fontSize: 12 }}>
          {behind}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

export default function RankingsPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const { orgCode, period } = useOrgPeriod();
  const answer = useRankings(orgCode, period);
  const [sort, setSort] = useState<{ measure: RankingMeasure; order: Order }>({
    measure: 'publicationsPerThousand',
    order: 'descend',
  });
  const data = answer.data;
  const rows = data ? sorted(data.rows, sort.measure, sort.order) : [];
  const title = data ? `${t('rankings.title')}: ${orgName(data.org, lang)}` : t('rankings.title');
  return (
    <>
      <PageTitle title={t('nav.rankings')}>
        <Space wrap>
          <Typography.Text>{t('rankings.sortBy')}</Typography.Text>
          <Select<RankingMeasure>
            aria-label={t('rankings.sortBy')}
            value={sort.measure}
            style={{ minWidth: 220, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            onChange={(measure) => setSort({ measure, order: 'descend' })}
            options={MEASURES.map((measure) => ({ value: measure, label: t(`rankings.measure.${measure}`) }))}
          />
        </Space>
      </PageTitle>
      <ErrorAlert error={answer.error} />
      {data && (
        <Typography.Paragraph type="secondary">
          {t('rankings.asOf', { asOf: f.date(data.asOf), since: f.date(data.since) })}
        </Typography.Paragraph>
      )}
      <ListTable<RankingRow>
        aria-label={title}
        size="small"
        loading={answer.isFetching}
        pagination={false}
        rowKey={(row) => row.org.code}
        dataSource={rows}
        locale={{ emptyText: t('rankings.empty') }}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const measure = MEASURES.find((candidate) => candidate === one?.columnKey);
          if (measure) setSort({ measure, order: one?.order ?? 'descend' });
        }}
        columns={[
          {
            key: 'rank',
            title: t('rankings.rank'),
            width: 64,
            render: (_, row) => row.values[sort.measure].rank ?? '—',
          },
          {
            key: 'org',
            title: t('common.organization'),
            render: (_, row) => {
              const name = orgName(row.org, lang);
              return (
                <Link
                  to={`/?${new URLSearchParams({ org: row.org.code, period }).toString()}`}
                  aria-label={t('rankings.openDashboard', { org: name })}
                  data-user-text
                >
                  {name}
                </Link>
              );
            },
          },
          {
            key: 'members',
            title: t('rankings.members'),
            align: 'right',
            className: 'nowrap',
            render: (_, row) => f.number(row.members),
          },
          ...MEASURES.map((measure) => ({
            key: measure,
            title: t(`rankings.measure.${measure}`),
            align: 'right' as const,
            sorter: true,
            // Descending first, and never back to no order: the ranking is always by something.
            sortDirections: ['descend', 'ascend', 'descend'] as Order[],
            sortOrder: sort.measure === measure ? sort.order : null,
            render: (_: unknown, row: RankingRow) => (
              <Figure measure={measure} figure={row.values[measure]} />
            ),
          })),
        ]}
      />
    </>
  );
}
