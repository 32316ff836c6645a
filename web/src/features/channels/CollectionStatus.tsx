/**
 * A channel's collection in one table cell: which collector reads it, its status (working, failing since … with
 * the platform's message, token expiring or expired, not collected and why), its last success and next run, the
 * followers' trend over 30 days, and "Collect now" for those who may import.
 */
import { Button, Space, Tag, Typography } from 'antd';
import type { Platform } from '../../../../src/shared/vocabulary.js';
import { type ChannelHealth, useCollectNow } from '../../api/collect.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ru, type TextKey } from '../../i18n/ru.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useCan } from '../../lib/session.js';

/** How each platform's collector reads it. */
const VIA: Partial<Record<Platform, TextKey>> = {
  telegram: 'collect.via.telegram',
  facebook: 'collect.via.graph',
  instagram: 'collect.via.graph',
  website: 'collect.via.feed',
  youtube: 'collect.via.feed',
};

/** A token expiring within this many days is told as a warning. */
const TOKEN_WARNING_DAYS = 14;

/** Why a channel is not collected, or a run skipped, in the user's words; a reason without words named as it is. */
export function useReasonText(): (code: string) => string {
  const { t } = useLang();
  return (code) => {
    const key = `collect.blocked.${code}`;
    return key in ru ? t(key as TextKey) : t('collect.blocked.other', { reason: code });
  };
}

/** The followers' line over the last days, drawn small: no axis, the first and last counts beside it. */
function Sparkline({ points, label }: { points: number[]; label: string }) {
  const width = 72;
  const height = 20;
  const min = Math.min(...points);
  const span = Math.max(...points) - min || 1;
  const step = width / Math.max(points.length - 1, 1);
  const path = points
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - 2 - ((value - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={label} style={{ verticalAlign: 'middle' }}>
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

function FollowersTrend({ health }: { health: ChannelHealth }) {
  const { t } = useLang();
  const f = useFormat();
  const points = health.followers.map((point) => point.followers);
  const last = points.at(-1);
  const first = points[0];
  if (last === undefined || first === undefined) return null;
  const delta = last - first;
  return (
    <Space size={6} wrap={false}>
      {points.length > 1 && <Sparkline points={points} label={t('collect.followersTrend')} />}
      <Typography.Text style={{ fontSize: 12 }}>
        {t('channel.followers')}: {f.number(last)}
      </Typography.Text>
      {points.length > 1 && (
        <Typography.Text
          type={delta < 0 ? 'danger' : delta > 0 ? 'success' : 'secondary'}
          style={{ fontSize: 12 }}
        >
          {delta > 0 ? '+' : delta < 0 ? '−' : '±'}
          {f.number(Math.abs(delta))}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The status tag: what a reader must act on first. */
interface Props {
  health: ChannelHealth;
  timeZone: string;
  /** When the health was read (ms): a token's nearness to its expiry is judged then. */
  checkedAt: number;
}

function StatusTag({ health, timeZone, checkedAt }: Props) {
  const { t } = useLang();
  const f = useFormat();
  const reasonOf = useReasonText();
  if (health.token.expired) return <Tag color="error">{t('collect.tokenExpired')}</Tag>;
  // Why not is written out, not in a tooltip: a phone has no hover.
  if (health.collector === null || health.blocked !== null) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag>{t('collect.off')}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reasonOf(health.blocked ?? 'not_telegram')}
        </Typography.Text>
      </Space>
    );
  }
  if (health.failingSince !== null) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="error">
          {t('collect.failingSince', { since: f.instant(health.failingSince, timeZone) })}
        </Tag>
        {health.lastError && (
          <Typography.Text type="danger" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {health.lastError.message ?? reasonOf(health.lastError.code)}
          </Typography.Text>
        )}
      </Space>
    );
  }
  const expiresOn = health.token.expiresOn;
  if (expiresOn !== null) {
    const warnFrom = Date.parse(`${expiresOn}T00:00:00Z`) - TOKEN_WARNING_DAYS * 86_400_000;
    return (
      <Tag color={checkedAt >= warnFrom ? 'warning' : 'success'}>
        {t('collect.tokenExpires', { date: f.date(expiresOn) })}
      </Tag>
    );
  }
  if (health.lastSuccessAt === null) return <Tag>{t('collect.never')}</Tag>;
  return <Tag color="success">{t('collect.ok')}</Tag>;
}

export function CollectionStatus({ health, timeZone, checkedAt }: Props) {
  const { t } = useLang();
  const f = useFormat();
  const canCollect = useCan('imports');
  const collect = useCollectNow(health.channel);
  const via = health.collector && health.blocked === null ? VIA[health.collector] : undefined;
  const result = collect.data;
  return (
    <Space
      orientation="vertical"
      size={2}
      style={{ minWidth: 0 }}
      data-testid={`collection-${health.channel}`}
    >
      <StatusTag health={health} timeZone={timeZone} checkedAt={checkedAt} />
      {via && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(via)}
        </Typography.Text>
      )}
      {health.lastSuccessAt && (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('collect.lastSuccess', { at: f.instant(health.lastSuccessAt, timeZone) })}
        </Typography.Text>
      )}
      {health.nextRunAt && health.blocked === null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('collect.nextRun', { at: f.instant(health.nextRunAt, timeZone) })}
        </Typography.Text>
      )}
      <FollowersTrend health={health} />
      {canCollect && health.collector !== null && health.blocked === null && (
        // Its words may wrap: a phone's table has no width to spare for the button's one line.
        <Button
          size="small"
          style={{ whiteSpace: 'normal', height: 'auto' }}
          loading={collect.isPending}
          onClick={() => collect.mutate()}
        >
          {t('collect.now')}
        </Button>
      )}
      {result && !result.error && (
        <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="collect-result">
          {t('collect.collected', { new: result.new, updated: result.updated, unchanged: result.unchanged })}
        </Typography.Text>
      )}
      {result?.error && (
        <Typography.Text type="danger" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
          {result.error.message ?? result.error.code}
        </Typography.Text>
      )}
      <ErrorAlert error={collect.error} />
    </Space>
  );
}
