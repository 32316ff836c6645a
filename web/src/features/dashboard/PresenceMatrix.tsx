/** Branches × platforms: where each branch has a page, whether it is active; empty cells stand out. */
import { Card, Tag, Typography } from 'antd';
import { ListTable } from '../../components/ListTable.js';
import { Link } from 'react-router';
import type {
  PresenceMatrix as Matrix,
  PresenceMatrixCell,
  PresenceMatrixRow,
} from '../../../../src/shared/dashboard.js';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useCarriedSearch } from '../../lib/org-period.js';

const EMPTY_STYLE = { background: '#fff1f0', color: '#cf1322' };

function Cell({ cell }: { cell: PresenceMatrixCell }) {
  const { t } = useLang();
  const f = useFormat();
  const search = useCarriedSearch();
  if (cell.empty) return <span>{t('dashboard.noPage')}</span>;
  return (
    <>
      {cell.channels.map((channel) => (
        <div key={channel.code}>
          <Link to={`/channels/${channel.code}${search}`} data-user-text>
            {channel.name}
          </Link>{' '}
          <Tag color={channel.active ? 'green' : 'default'}>
            {channel.active ? t('dashboard.active') : t('dashboard.inactive')}
          </Tag>
          {channel.lastPublished && (
            <Typography.Text type="secondary">{f.date(channel.lastPublished)}</Typography.Text>
          )}
        </div>
      ))}
    </>
  );
}

export function PresenceMatrix({ matrix }: { matrix: Matrix }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const search = useCarriedSearch();
  const withoutPages = matrix.rows.filter((row) => !row.present).length;
  return (
    <Card
      size="small"
      title={t('dashboard.presence')}
      extra={
        <Typography.Text type={withoutPages ? 'danger' : 'secondary'}>
          {t('dashboard.withoutPages', { value: f.number(withoutPages) })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary">
        {/* Pages are those open on the date: it stands first, where a narrow screen does not cut it. */}
        {t('dashboard.asOf', { date: f.date(matrix.asOf) })} ·{' '}
        {t('dashboard.presenceHint', { days: f.number(matrix.activeDays), date: f.date(matrix.asOf) })}
      </Typography.Paragraph>
      <ListTable<PresenceMatrixRow>
        aria-label={t('dashboard.presence')}
        size="small"
        rowKey={(row) => row.org.code}
        dataSource={matrix.rows}
        pagination={false}
        scroll={{ x: true }}
        rowClassName={(row) => (row.present ? '' : 'presence-absent')}
        columns={[
          {
            key: 'org',
            title: t('common.organization'),
            fixed: 'left',
            render: (_, row) => (
              <Link to={`/organizations/${row.org.code}${search}`}>{orgName(row.org, lang)}</Link>
            ),
          },
          ...matrix.platforms.map((platform, index) => ({
            key: platform,
            title: PLATFORM_LABELS[lang][platform],
            onCell: (row: PresenceMatrixRow) => ({
              style: row.cells[index]?.empty ? EMPTY_STYLE : {},
              'data-empty': row.cells[index]?.empty ? 'true' : 'false',
            }),
            render: (_: unknown, row: PresenceMatrixRow) => {
              const cell = row.cells.find((candidate) => candidate.platform === platform);
              return cell ? <Cell cell={cell} /> : null;
            },
          })),
        ]}
      />
    </Card>
  );
}
