/**
 * Publications by organization × platform: the organization itself, each branch and the primaries directly under
 * it, a column per platform with publications and the total, each count a bar with its number. Each count
 * opens the publications list of its row and platform.
 */
import { Card, Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { SubjectPlatformRow } from '../../../../src/shared/subject-platform.schema.js';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { PLATFORMS, type Platform } from '../../../../src/shared/vocabulary.js';
import { useSubjectPlatform } from '../../api/subject-platform.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

const BAR_COLOR = '#bae0ff';

/** A count as a bar as long as its share of the table's largest count, the number written on it. */
function Bar({ count, max }: { count: number; max: number }) {
  const f = useFormat();
  const width = max > 0 ? Math.round((count / max) * 100) : 0;
  return (
    <div
      style={{
        minWidth: 48,
        padding: '0 6px',
        whiteSpace: 'nowrap',
        background: `linear-gradient(to right, ${BAR_COLOR} ${width}%, transparent ${width}%)`,
      }}
    >
      {count === 0 ? <Typography.Text type="secondary">0</Typography.Text> : f.number(count)}
    </div>
  );
}

export function SubjectPlatformTable({ orgCode, period }: { orgCode: string; period: string }) {
  const { lang, t } = useLang();
  const answer = useSubjectPlatform(orgCode, period);
  const data = answer.data;
  const title = t('dashboard.bySubjectPlatform');
  if (answer.error) return <ErrorAlert error={answer.error} />;
  // Platforms without publications in the period would be columns of zeros.
  const platforms = PLATFORMS.filter((platform) => (data?.totals.counts[platform] ?? 0) > 0);
  // Platforms' bars share one scale; the totals, larger, one of their own.
  const rows = data?.rows ?? [];
  const max = Math.max(0, ...rows.flatMap((row) => platforms.map((platform) => row.counts[platform])));
  const maxTotal = Math.max(0, ...rows.map((row) => row.total));
  const nameOf = (row: SubjectPlatformRow) =>
    row.org ? orgName(row.org, lang) : t('dashboard.directPrimaries');
  /** A branch's list is its subtree's; the organization's own and the direct primaries' are its rows (`group`). */
  const cell = (row: SubjectPlatformRow, count: number, platform?: Platform) => {
    const bar = <Bar count={count} max={platform ? max : maxTotal} />;
    if (count === 0 || !data) return bar;
    const search = new URLSearchParams({
      ...(row.group === 'child' && row.org
        ? { org: row.org.code }
        : { org: data.org.code, group: row.group }),
      period,
      ...(platform ? { platform } : {}),
    });
    return (
      <Link
        to={`/publications?${search.toString()}`}
        aria-label={t('dashboard.openPublications', {
          org: nameOf(row),
          platform: platform ? PLATFORM_LABELS[lang][platform] : t('dashboard.total'),
        })}
      >
        {bar}
      </Link>
    );
  };
  return (
    <Card size="small" title={title}>
      {data && data.totals.total === 0 ? (
        <Empty description={t('dashboard.noPublications')} />
      ) : (
        <Table<SubjectPlatformRow>
          aria-label={title}
          size="small"
          loading={answer.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey={(row) => row.org?.code ?? row.group}
          dataSource={rows}
          columns={[
            {
              key: 'org',
              title: t('common.organization'),
              render: (_, row) => (
                <>
                  {row.org ? <span data-user-text>{nameOf(row)}</span> : nameOf(row)}
                  {row.group === 'self' && (
                    <Typography.Text type="secondary"> · {t('dashboard.self')}</Typography.Text>
                  )}
                </>
              ),
            },
            ...platforms.map((platform) => ({
              key: platform,
              title: PLATFORM_LABELS[lang][platform],
              align: 'right' as const,
              render: (_: unknown, row: SubjectPlatformRow) => cell(row, row.counts[platform], platform),
            })),
            {
              key: 'total',
              title: t('dashboard.total'),
              align: 'right' as const,
              render: (_, row) => cell(row, row.total),
            },
          ]}
          summary={() =>
            data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('dashboard.total')}</Table.Summary.Cell>
                {platforms.map((platform, index) => (
                  <Table.Summary.Cell key={platform} index={index + 1} align="right">
                    <TotalNumber value={data.totals.counts[platform]} />
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={platforms.length + 1} align="right">
                  <TotalNumber value={data.totals.total} />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}

function TotalNumber({ value }: { value: number }) {
  const f = useFormat();
  return <Typography.Text strong>{f.number(value)}</Typography.Text>;
}
