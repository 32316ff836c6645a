/** Users of the subtree with their roles; adding one (a generated password is shown once), changing a role. */
import { Alert, Button, Form, Input, Select, Switch } from 'antd';
import { ListTable } from '../../components/ListTable.js';
import { useState } from 'react';
import { ROLES, type Role, UI_LANGS, type UiLang } from '../../../../src/shared/vocabulary.js';
import { useAddUser, useChangeUser, useUsers } from '../../api/settings.js';
import type { User } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgPicker } from '../../components/OrgPicker.js';
import { useLang } from '../../i18n/index.js';
import { useOrgNames } from '../../lib/org-names.js';
import { useCan, useCurrentSession } from '../../lib/session.js';

export function UserList() {
  const { lang, t } = useLang();
  const names = useOrgNames();
  const session = useCurrentSession();
  const users = useUsers();
  const add = useAddUser();
  const change = useChangeUser();
  const canWrite = useCan('users');
  const [form] = Form.useForm();
  const [shown, setShown] = useState<{ login: string; password: string } | undefined>();
  // A manager grants only the roles below an administrator.
  const roles = ROLES.filter((role) => session.user.role === 'admin' || role !== 'admin');
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <>
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          initialValues={{ role: 'viewer', lang }}
          onFinish={(values: { login: string; role: Role; org?: string; name?: string; lang: UiLang }) =>
            add.mutate(values, {
              onSuccess: (created) => {
                form.resetFields(['login', 'name']);
                setShown(
                  created.generatedPassword
                    ? { login: created.user.login, password: created.generatedPassword }
                    : undefined,
                );
              },
            })
          }
        >
          <Form.Item name="login" label={t('settings.login')} rules={[{ required: true, message: '' }]}>
            <Input autoComplete="off" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label={t('settings.name')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="role" label={t('settings.role')}>
            <Select style={{ width: 150 }} options={roleOptions} />
          </Form.Item>
          <Form.Item name="org" label={t('common.organization')}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="lang" label={t('common.language')}>
            <Select
              style={{ width: 80 }}
              options={UI_LANGS.map((value) => ({ value, label: value.toUpperCase() }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('settings.addUser')}
          </Button>
        </Form>
      )}
      {shown && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setShown(undefined)}
          title={t('settings.generatedPassword', shown)}
          style={{ marginBottom: 12 }}
        />
      )}
      <ErrorAlert error={users.error ?? add.error ?? change.error} />
      <ListTable<User>
        aria-label={t('settings.users')}
        size="small"
        rowKey="id"
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          { key: 'login', title: t('settings.login'), dataIndex: 'login' },
          { key: 'name', title: t('settings.name'), dataIndex: 'name' },
          {
            key: 'role',
            title: t('settings.role'),
            render: (_, user) =>
              canWrite && user.id !== session.user.id ? (
                <Select
                  aria-label={`${t('settings.role')}: ${user.login}`}
                  size="small"
                  value={user.role}
                  options={roleOptions}
                  onChange={(role: Role) => change.mutate({ id: user.id, change: { role } })}
                  style={{ width: 150 }}
                />
              ) : (
                t(`role.${user.role}`)
              ),
          },
          { key: 'org', title: t('common.organization'), render: (_, user) => names.ofCode(user.orgCode) },
          {
            key: 'disabled',
            title: t('settings.disabled'),
            render: (_, user) => (
              <Switch
                aria-label={`${t('settings.disabled')}: ${user.login}`}
                size="small"
                checked={user.disabled}
                disabled={!canWrite || user.id === session.user.id}
                onChange={(disabled) => change.mutate({ id: user.id, change: { disabled } })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
