/**
 * Plan against fact for the organization and period on screen: each target of the year against its fact, a row
 * trailing its pace as a warning ("Правозащита: 3 % при плане 15 %; осталось дней: 9"). Where the user may edit
 * targets, a button opens them.
 */
import { Alert, Button, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { usePlanFact } from '../../api/plan-fact.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Panel } from '../../components/Panel.js';
import { useLang } from '../../i18n/index.js';
import { useCan } from '../../lib/session.js';

/** Its dialog's inputs are loaded when a user opens it, not with every dashboard. */
const TargetsEditor = lazy(() =>
  import('./TargetsEditor.js').then((module) => ({ default: module.TargetsEditor })),
);

export function PlanFactPanel({ orgCode, period }: { orgCode: string | undefined; period: string }) {
  const { t } = useLang();
  const canEdit = useCan('targets', 'write');
  const fact = usePlanFact(orgCode, period);
  const [editing, setEditing] = useState(false);
  const items = fact.data?.items ?? [];
  const year = Number((fact.data?.period.from ?? period).slice(0, 4));
  if (!fact.error && items.length === 0 && !canEdit) return null;
  return (
    <Panel
      title={t('plan.fact.title')}
      extra={
        canEdit &&
        orgCode && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('plan.targets')}
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
    >
      <ErrorAlert error={fact.error} />
      {fact.data && items.length === 0 && (
        <Typography.Text type="secondary">{t('plan.fact.none', { year })}</Typography.Text>
      )}
      {items.length > 0 && (
        <Space orientation="vertical" size={6} style={{ width: '100%' }} aria-label={t('plan.fact.title')}>
          {items.map((item) => (
            <Alert
              key={item.metric}
              type={item.behind ? 'warning' : 'success'}
              showIcon
              title={item.message}
              aria-label={t(item.behind ? 'plan.fact.behind' : 'plan.fact.onTrack')}
            />
          ))}
        </Space>
      )}
      {editing && orgCode && (
        <Suspense>
          <TargetsEditor org={orgCode} year={year} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </Panel>
  );
}
