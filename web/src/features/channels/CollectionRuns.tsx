/**
 * A channel's collection runs, newest first, as a list (a narrow screen keeps it without scrolling sideways):
 * when and how each started, how it ended, what it stored, and its error in the user's language.
 */
import { List, Spin, Tag, Typography } from 'antd';
import { type CollectionRun, useChannelCollections } from '../../api/collect.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useReasonText } from './CollectionStatus.js';

const STATUS_COLORS: Readonly<Record<CollectionRun['status'], string>> = {
  ok: 'success',
  failed: 'error',
  skipped: 'default',
  running: 'processing',
};

export function CollectionRuns({ code, timeZone }: { code: string; timeZone: string }) {
  const { t } = useLang();
  const f = useFormat();
  const reasonOf = useReasonText();
  const collections = useChannelCollections(code);
  if (collections.error) return <ErrorAlert error={collections.error} />;
  if (!collections.data) return <Spin size="small" />;
  return (
    <List<CollectionRun>
      size="small"
      header={<Typography.Text strong>{t('collect.runs')}</Typography.Text>}
      aria-label={t('collect.runs')}
      data-testid={`collection-runs-${code}`}
      locale={{ emptyText: t('collect.runsNone') }}
      dataSource={collections.data.runs}
      renderItem={(run) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text>{f.instant(run.startedAt, timeZone)}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t(`collect.trigger.${run.trigger}`)}</Typography.Text>{' '}
          <Tag color={STATUS_COLORS[run.status]}>{t(`collect.status.${run.status}`)}</Tag>{' '}
          {run.status === 'ok' && (
            <Typography.Text style={{ fontSize: 12 }}>
              {t('collect.counts', {
                new: f.number(run.new),
                updated: f.number(run.updated),
                unchanged: f.number(run.unchanged),
                rejected: f.number(run.rejected),
              })}
              {run.followers !== null &&
                `; ${t('collect.followersAt', { followers: f.number(run.followers) })}`}
            </Typography.Text>
          )}
          {run.error && (
            <Typography.Paragraph
              type={run.status === 'failed' ? 'danger' : 'secondary'}
              style={{ fontSize: 12, margin: 0, overflowWrap: 'anywhere' }}
            >
              {run.error.message ?? reasonOf(run.error.code)}
            </Typography.Paragraph>
          )}
        </List.Item>
      )}
    />
  );
}
