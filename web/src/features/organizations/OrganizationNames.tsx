/**
 * Renaming an organization: its full and short names in Russian, Kazakh and English. The English ones may stay
 * empty (the English UI then shows the Russian ones); the server's refusal is shown as told.
 */
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type OrganizationNames as Names, useRenameOrganization } from '../../api/organizations.js';
import type { Organization } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import type { TextKey } from '../../i18n/ru.js';

const FIELDS: readonly { name: keyof Names; label: TextKey; required: boolean }[] = [
  { name: 'nameRu', label: 'org.nameRu', required: true },
  { name: 'shortNameRu', label: 'org.shortNameRu', required: false },
  { name: 'nameKk', label: 'org.nameKk', required: true },
  { name: 'shortNameKk', label: 'org.shortNameKk', required: false },
  { name: 'nameEn', label: 'org.nameEn', required: false },
  { name: 'shortNameEn', label: 'org.shortNameEn', required: false },
];

const namesOf = (org: Organization): Names => ({
  nameRu: org.nameRu,
  nameKk: org.nameKk,
  nameEn: org.nameEn ?? '',
  shortNameRu: org.shortNameRu ?? '',
  shortNameKk: org.shortNameKk ?? '',
  shortNameEn: org.shortNameEn ?? '',
});

export function OrganizationNames({ org }: { org: Organization }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Names>();
  const rename = useRenameOrganization(org.code);
  const title = t('org.rename');
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={rename.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Names>
          form={form}
          layout="vertical"
          initialValues={namesOf(org)}
          onFinish={(values) => rename.mutate(values, { onSuccess: () => setOpen(false) })}
        >
          {FIELDS.map((field) => (
            <Form.Item
              key={field.name}
              name={field.name}
              label={t(field.label)}
              rules={
                field.required ? [{ required: true, whitespace: true, message: t('org.nameRequired') }] : []
              }
            >
              <Input />
            </Form.Item>
          ))}
          <ErrorAlert error={rename.error} />
        </Form>
      </Modal>
    </>
  );
}
