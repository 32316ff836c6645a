/** Rules that assign posts on a region's pages to the branch they are about: hashtag, place or keyword. */
import { Button, Form, Input, Popconfirm, Select, Space } from 'antd';
import { ListTable } from '../../components/ListTable.js';
import { RULE_KIND_TEXTS } from '../../../../src/shared/import-report.js';
import { RULE_KINDS, type RuleKind } from '../../../../src/shared/vocabulary.js';
import {
  type AttributionRule,
  useAddAttributionRule,
  useAttributionRules,
  useRemoveAttributionRule,
} from '../../api/settings.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { useLang } from '../../i18n/index.js';
import { useOrgNames } from '../../lib/org-names.js';
import { useOrgPeriod } from '../../lib/org-period.js';
import { useCan } from '../../lib/session.js';

export function AttributionRules() {
  const { lang, t } = useLang();
  const names = useOrgNames();
  const { orgCode } = useOrgPeriod();
  const rules = useAttributionRules(orgCode);
  const add = useAddAttributionRule();
  const remove = useRemoveAttributionRule();
  const canWrite = useCan('attribution-rules');
  const [form] = Form.useForm();
  return (
    <>
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(values: { org: string; kind: RuleKind; pattern: string }) =>
            add.mutate(values, { onSuccess: () => form.resetFields(['pattern']) })
          }
        >
          <Form.Item
            name="org"
            label={t('common.organization')}
            initialValue={orgCode}
            rules={[{ required: true, message: '' }]}
          >
            <OrgPicker />
          </Form.Item>
          <Form.Item name="kind" label={t('settings.ruleKind')} initialValue="hashtag">
            <Select
              style={{ width: 160 }}
              options={RULE_KINDS.map((kind) => ({ value: kind, label: RULE_KIND_TEXTS[lang][kind] }))}
            />
          </Form.Item>
          <Form.Item name="pattern" label={t('settings.pattern')} rules={[{ required: true, message: '' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('common.add')}
          </Button>
        </Form>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={rules.error ?? add.error ?? remove.error} />
        <ListTable<AttributionRule>
          aria-label={t('settings.attribution')}
          size="small"
          rowKey="id"
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { key: 'org', title: t('common.organization'), render: (_, rule) => names.ofCode(rule.orgCode) },
            {
              key: 'kind',
              title: t('settings.ruleKind'),
              render: (_, rule) => RULE_KIND_TEXTS[lang][rule.kind],
            },
            { key: 'pattern', title: t('settings.pattern'), dataIndex: 'pattern' },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, rule: AttributionRule) => (
                      <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => remove.mutate(rule.id)}>
                        <Button size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </>
  );
}
