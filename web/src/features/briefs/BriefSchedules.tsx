/**
 * Briefs e-mailed on a schedule: the schedules of the organizations the user sees, how each last sending went,
 * adding one (organization, how often, languages, formats, addresses) and stopping one. Shown to those who may
 * change briefs' settings (an administrator, a manager): the addresses are people's.
 */
import { Button, Card, Checkbox, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { ListTable } from '../../components/ListTable.js';
import { REPORT_LANGS, type ReportLang } from '../../../../src/shared/vocabulary.js';
import {
  type BriefSchedule,
  SCHEDULE_EVERY,
  SCHEDULE_FORMATS,
  type ScheduleFormat,
  useAddBriefSchedule,
  useBriefSchedules,
  useRemoveBriefSchedule,
} from '../../api/brief-schedules.js';
import type { Granularity } from '../../../../src/shared/vocabulary.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useOrgNames } from '../../lib/org-names.js';
import { useCan } from '../../lib/session.js';

interface Values {
  org: string;
  every: Granularity;
  langs: ReportLang[];
  formats: ScheduleFormat[];
  to: string;
}

/** Addresses as people paste them: separated by commas, semicolons, spaces or lines. */
const addressesOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

export function BriefSchedules({ orgCode }: { orgCode: string | undefined }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const canWrite = useCan('briefs');
  const schedules = useBriefSchedules(canWrite);
  const add = useAddBriefSchedule();
  const remove = useRemoveBriefSchedule();
  const [form] = Form.useForm<Values>();
  if (!canWrite) return null;

  const lastOf = (schedule: BriefSchedule) => {
    const last = schedule.lastSending;
    if (!last) return t('schedule.never');
    if (last.sentAt)
      return t('schedule.sent', {
        period: last.period,
        at: f.instant(last.sentAt, names.zoneOf(schedule.org)),
      });
    return t('schedule.failed', { period: last.period, error: last.error ?? '…' });
  };
  const submit = (values: Values) =>
    add.mutate({ ...values, to: addressesOf(values.to) }, { onSuccess: () => form.resetFields(['to']) });

  return (
    <section aria-label={t('schedule.title')}>
      <Card size="small" title={t('schedule.title')}>
        <Typography.Paragraph type="secondary">{t('schedule.hint')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            org: orgCode,
            every: 'month',
            langs: [lang === 'kk' ? 'kk' : 'ru'],
            formats: ['docx', 'pdf'],
          }}
        >
          <Form.Item name="org" label={t('common.organization')} rules={[{ required: true, message: '' }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="every" label={t('schedule.every')}>
            <Select
              aria-label={t('schedule.every')}
              style={{ width: 200 }}
              options={SCHEDULE_EVERY.map((value) => ({ value, label: t(`schedule.every.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="langs"
            label={t('schedule.langs')}
            rules={[{ required: true, message: t('schedule.langsRequired') }]}
          >
            <Checkbox.Group
              options={REPORT_LANGS.map((value) => ({ value, label: t(`reportLang.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="formats"
            label={t('brief.formats')}
            rules={[{ required: true, message: t('schedule.formatsRequired') }]}
          >
            <Checkbox.Group
              options={SCHEDULE_FORMATS.map((value) => ({ value, label: value.toUpperCase() }))}
            />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('schedule.to')}
            extra={t('schedule.toHint')}
            rules={[{ required: true, whitespace: true, message: t('schedule.toRequired') }]}
          >
            <Input.TextArea aria-label={t('schedule.to')} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('schedule.add')}
          </Button>
        </Form>
        <ErrorAlert error={schedules.error ?? add.error ?? remove.error} />
        <ListTable<BriefSchedule>
          aria-label={t('schedule.title')}
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          loading={schedules.isLoading}
          dataSource={schedules.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('schedule.none') }}
          columns={[
            { key: 'org', title: t('common.organization'), render: (_, row) => names.ofCode(row.org) },
            {
              key: 'every',
              title: t('schedule.every'),
              render: (_, row) => t(`schedule.every.${row.every}`),
            },
            {
              key: 'what',
              title: t('schedule.what'),
              render: (_, row) =>
                `${row.langs.join(', ')}; ${row.formats.map((x) => x.toUpperCase()).join(', ')}`,
            },
            { key: 'to', title: t('schedule.to'), render: (_, row) => row.to.join(', ') },
            { key: 'last', title: t('schedule.last'), render: (_, row) => lastOf(row) },
            {
              key: 'remove',
              title: '',
              render: (_, row) => (
                <Popconfirm title={t('schedule.removeConfirm')} onConfirm={() => remove.mutate(row.id)}>
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
