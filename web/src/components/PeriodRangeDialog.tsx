/**
 * The period as a range of dates: presets (this month, quarter, half and year, the last 12 months, the seed brief's
 * period) chosen at once, or two dates of the reader's own. Loaded when opened.
 */
import { Alert, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { PERIOD_PRESETS, presetPeriod, rangeOf, SEED_RANGE } from '../../../src/shared/period-presets.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';

/** Today in the reader's calendar, as `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A date typed or picked in the browser's own calendar, bounded by the other end of the range. */
function DateField({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  min?: string;
  max?: string;
}) {
  return (
    <label className="date-field">
      {label}
      <input
        type="date"
        className="native-select"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export default function PeriodRangeDialog({
  value,
  onChange,
  onClose,
}: {
  value: string;
  onChange(period: string): void;
  onClose(): void;
}) {
  const { t } = useLang();
  const f = useFormat();
  const shown = rangeOf(value);
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  const [invalid, setInvalid] = useState(false);
  const choose = (period: string) => {
    onChange(period);
    onClose();
  };
  const apply = () => {
    if (!from || !to || from > to) setInvalid(true);
    else choose(`${from}..${to}`);
  };
  return (
    <Modal
      open
      title={t('period.rangeTitle')}
      onCancel={onClose}
      onOk={apply}
      okText={t('period.apply')}
      cancelText={t('common.cancel')}
      width={460}
    >
      <h4 className="dialog-section">{t('period.presets')}</h4>
      <Space wrap size={8}>
        {PERIOD_PRESETS.map((preset) => (
          <Button key={preset} onClick={() => choose(presetPeriod(preset, today()))}>
            {preset === 'seed'
              ? t('period.seedRange', { from: f.date(SEED_RANGE.from), to: f.date(SEED_RANGE.to) })
              : t(`period.${preset}`)}
          </Button>
        ))}
      </Space>
      <h4 className="dialog-section">{t('period.custom')}</h4>
      <Space wrap size={12}>
        <DateField label={t('period.from')} value={from} onChange={setFrom} max={to} />
        <DateField label={t('period.to')} value={to} onChange={setTo} min={from} />
      </Space>
      {invalid && <Alert type="error" showIcon title={t('period.rangeInvalid')} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
