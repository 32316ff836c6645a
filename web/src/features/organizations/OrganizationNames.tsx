/**
 * Renaming an organization: its full and short names in Russian, Kazakh and English. The English ones may stay
 * empty (the English UI then shows the Russian ones); the server's refusal is shown as told.
 */
import { Form, Input } from 'antd';
import { type OrganizationNames as Names, useRenameOrganization } from '../../api/organizations.js';
import type { Organization } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormDialog } from '../../components/FormDialog.js';
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
  const [form] = Form.useForm<Names>();
  const rename = useRenameOrganization(org.code);
  return (
    <FormDialog title={t('org.rename')} size="small" form={form} pending={rename.isPending}>
      {(close) => (
        <Form<Names>
          form={form}
          layout="vertical"
          initialValues={namesOf(org)}
          onFinish={(values) => rename.mutate(values, { onSuccess: close })}
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
      )}
    </FormDialog>
  );
}
