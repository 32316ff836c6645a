/** Adding a record: a form of the fields a kind takes, sent to `POST /{kind}`; the server's refusal shown as told. */
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateRecord } from '../api/registry.js';
import type { RegistryKind } from '../api/types.js';
import { useLang } from '../i18n/index.js';
import { ErrorAlert } from './ErrorAlert.js';
import { FormDialog } from './FormDialog.js';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'date' | 'number' | 'select' | 'url';
  options?: readonly { value: string | number; label: string }[];
  required?: boolean;
  /** The other language's version of this text: either may be left empty, not both. */
  otherLanguage?: string;
}

/** A text's version in one language: it or its other-language version must be filled. */
function oneLanguageRule(other: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: unknown) =>
      String(value ?? '').trim() || String(getFieldValue(other) ?? '').trim()
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  });
}

/** Form values as the API takes them: dates as `YYYY-MM-DD`, empty fields left out. */
function inputOf(values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    input[name] =
      typeof (value as Dayjs).format === 'function' ? (value as Dayjs).format('YYYY-MM-DD') : value;
  }
  return input;
}

/** A field filled from another as the user types it, until the user writes in it: a code from a name. */
export interface DerivedField {
  from: string;
  to: string;
  as: (value: string) => string;
}

export function RecordForm({
  kind,
  title,
  fields,
  fixed,
  derive,
  onCreated,
  button = 'primary',
}: {
  kind: RegistryKind;
  title: string;
  fields: readonly FieldSpec[];
  /** Values the form does not ask for, such as the organization chosen on the page. */
  fixed: Record<string, unknown>;
  derive?: DerivedField;
  /** The record the server made, e.g. to choose it where the form was opened. */
  onCreated?: (record: Record<string, unknown>) => void;
  button?: 'primary' | 'default' | 'link';
}) {
  const { t } = useLang();
  const [form] = Form.useForm();
  const create = useCreateRecord(kind);
  return (
    <FormDialog title={title} button={button} form={form} pending={create.isPending}>
      {(close) => (
        <Form
          form={form}
          layout="vertical"
          onValuesChange={(changed: Record<string, unknown>) => {
            const value = derive ? changed[derive.from] : undefined;
            if (derive && typeof value === 'string' && !form.isFieldTouched(derive.to)) {
              form.setFieldValue(derive.to, derive.as(value));
            }
          }}
          onFinish={(values: Record<string, unknown>) =>
            create.mutate(
              { ...fixed, ...inputOf(values) },
              {
                onSuccess: (record) => {
                  onCreated?.(record as Record<string, unknown>);
                  close();
                  form.resetFields();
                },
              },
            )
          }
        >
          {fields.map((field) => (
            <Form.Item
              key={field.name}
              name={field.name}
              label={field.label}
              rules={[
                ...(field.required ? [{ required: true, message: '' }] : []),
                ...(field.otherLanguage
                  ? [oneLanguageRule(field.otherLanguage, t('common.oneLanguage'))]
                  : []),
              ]}
              {...(field.otherLanguage ? { dependencies: [field.otherLanguage] } : {})}
            >
              {field.type === 'date' ? (
                <DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} />
              ) : field.type === 'number' ? (
                <InputNumber min={0} style={{ width: '100%' }} />
              ) : field.type === 'select' ? (
                <Select options={field.options?.map((option) => ({ ...option }))} />
              ) : (
                <Input type={field.type === 'url' ? 'url' : 'text'} />
              )}
            </Form.Item>
          ))}
          <ErrorAlert error={create.error} />
        </Form>
      )}
    </FormDialog>
  );
}
