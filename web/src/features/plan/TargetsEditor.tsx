/**
 * The organization's targets of a year: each metric with its value, changed in place or removed, and a metric not
 * yet planned added. What each value counts (a year, a month, a per cent) is said above the list.
 */
import { Button, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { targetMetricLabel } from '../../../../src/shared/labels.js';
import { TARGET_METRICS, type TargetMetric } from '../../../../src/shared/vocabulary.js';
import { useDeleteTarget, useSaveTarget, useTargets } from '../../api/plan-fact.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';

export function TargetsEditor({ org, year, onClose }: { org: string; year: number; onClose: () => void }) {
  const { lang, t } = useLang();
  const targets = useTargets(org, year);
  const save = useSaveTarget();
  const remove = useDeleteTarget();
  const [metric, setMetric] = useState<TargetMetric | undefined>();
  const [value, setValue] = useState<number | null>(null);
  const rows = targets.data ?? [];
  const free = TARGET_METRICS.filter((candidate) => !rows.some((row) => row.metric === candidate));
  return (
    <Modal open title={t('plan.targets.title', { year })} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('plan.targets.hint')}</Typography.Paragraph>
      <ErrorAlert error={targets.error ?? save.error ?? remove.error} />
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {rows.map((row) => (
          <Space key={row.id} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text>{targetMetricLabel(row.metric, lang)}</Typography.Text>
            <Space>
              <InputNumber
                aria-label={targetMetricLabel(row.metric, lang)}
                min={0}
                defaultValue={row.value}
                onBlur={(event) => {
                  const next = Number(event.target.value.replace(/\s/g, '').replace(',', '.'));
                  if (Number.isFinite(next) && next !== row.value) {
                    save.mutate({ id: row.id, org, metric: row.metric, year, value: next });
                  }
                }}
              />
              <Button danger onClick={() => remove.mutate(row.id)}>
                {t('common.delete')}
              </Button>
            </Space>
          </Space>
        ))}
        {free.length > 0 && (
          <Space wrap>
            <Select<TargetMetric>
              aria-label={t('plan.targets.metric')}
              placeholder={t('plan.targets.metric')}
              style={{ minWidth: 220 }}
              popupMatchSelectWidth={false}
              value={metric}
              onChange={setMetric}
              options={free.map((candidate) => ({
                value: candidate,
                label: targetMetricLabel(candidate, lang),
              }))}
            />
            <InputNumber
              aria-label={t('plan.targets.value')}
              placeholder={t('plan.targets.value')}
              min={0}
              value={value}
              onChange={setValue}
            />
            <Button
              type="primary"
              disabled={metric === undefined || value === null}
              loading={save.isPending}
              onClick={() => {
                if (metric === undefined || value === null) return;
                save.mutate(
                  { org, metric, year, value },
                  {
                    onSuccess: () => {
                      setMetric(undefined);
                      setValue(null);
                    },
                  },
                );
              }}
            >
              {t('plan.targets.add')}
            </Button>
          </Space>
        )}
      </Space>
    </Modal>
  );
}
