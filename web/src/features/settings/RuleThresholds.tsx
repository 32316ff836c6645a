/** The rules' thresholds and the presence window: read by all, changed by an administrator. */
import { Button, Card, Form, InputNumber, Select, Space, Spin } from 'antd';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import type { SettingsInput } from '../../../../src/shared/settings.schema.js';
import { PLATFORMS, type UiLang } from '../../../../src/shared/vocabulary.js';
import { useChangeSettings, useSettings } from '../../api/settings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { TextKey } from '../../i18n/ru.js';
import { useLang } from '../../i18n/index.js';
import { useCan } from '../../lib/session.js';

type Rules = NonNullable<SettingsInput['rules']>;

/** Thresholds that are shares: stored as fractions of one (0.1), shown and typed as percents (10 %). */
const SHARES: ReadonlySet<string> = new Set(['minReach', 'minShare', 'maxShare', 'minDrop']);

/** A percent as the language writes it ("10 %", "12,5 %"; "10%" in English) and back to a number. */
function percentInput(lang: UiLang) {
  const comma = lang !== 'en';
  return {
    formatter: (value: number | string | undefined) => {
      if (value === undefined || value === '') return '';
      const text = comma ? String(value).replace('.', ',') : String(value);
      return comma ? `${text}\u00a0%` : `${text}%`;
    },
    parser: (text: string | undefined) =>
      Number((text ?? '').replace(/[%\s\u00a0\u202f]/g, '').replace(',', '.')),
  };
}

/** Between the stored fraction and the percent in the field, kept to what a percent with two decimals says. */
const toPercent = (fraction: unknown) =>
  typeof fraction === 'number' ? Math.round(fraction * 10_000) / 100 : fraction;
const toFraction = (percent: unknown) =>
  typeof percent === 'number' ? Math.round(percent * 100) / 10_000 : percent;

export function RuleThresholds() {
  const { lang, t } = useLang();
  const settings = useSettings();
  const change = useChangeSettings();
  const canWrite = useCan('settings');
  const [form] = Form.useForm();
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return <Spin />;
  const rules = (settings.data.rules ?? {}) as Rules;
  const entries = Object.entries(rules).filter(([, values]) => Object.keys(values ?? {}).length > 0);
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canWrite}
      initialValues={{ rules, presence: settings.data.presence }}
      onFinish={(values: SettingsInput) => change.mutate(values)}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {entries.map(([rule, values]) => (
          <Card key={rule} size="small" title={t(`rule.${rule}` as TextKey)}>
            <Space wrap size={16}>
              {Object.entries(values ?? {}).map(([name, value]) => (
                <Form.Item
                  key={name}
                  name={['rules', rule, name]}
                  label={t(`threshold.${name}` as TextKey)}
                  style={{ marginBottom: 0 }}
                  {...(SHARES.has(name)
                    ? {
                        getValueProps: (fraction: unknown) => ({ value: toPercent(fraction) }),
                        normalize: toFraction,
                      }
                    : {})}
                >
                  {Array.isArray(value) ? (
                    <Select
                      mode="multiple"
                      style={{ minWidth: 260 }}
                      options={PLATFORMS.map((platform) => ({
                        value: platform,
                        label: PLATFORM_LABELS[lang][platform],
                      }))}
                    />
                  ) : SHARES.has(name) ? (
                    <InputNumber<number> min={0} max={100} step={1} {...percentInput(lang)} />
                  ) : (
                    <InputNumber min={0} step={1} />
                  )}
                </Form.Item>
              ))}
            </Space>
          </Card>
        ))}
        <Card size="small">
          <Form.Item
            name={['presence', 'activeDays']}
            label={t('settings.presenceDays')}
            style={{ marginBottom: 0 }}
          >
            <InputNumber min={1} max={3650} />
          </Form.Item>
        </Card>
        <ErrorAlert error={change.error} />
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
