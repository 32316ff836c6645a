/**
 * A channel's access token for collecting: those who may change the channel set, replace or clear it; everyone
 * sees only whether it is set, when, and until when. The field is a password field, emptied once sent: the
 * server never gives the token back.
 */
import { Button, Card, DatePicker, Form, Input, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useClearChannelToken, useSetChannelToken } from '../../api/channel-token.js';
import type { ChannelRow } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';
import { useOrgNames } from '../../lib/org-names.js';
import { useCan } from '../../lib/session.js';

interface Values {
  token: string;
  expiresOn?: Dayjs | null;
}

export function ChannelToken({ channel }: { channel: ChannelRow }) {
  const { t } = useLang();
  const f = useFormat();
  const names = useOrgNames();
  const canWrite = useCan('channels');
  const [form] = Form.useForm<Values>();
  const save = useSetChannelToken(channel.code);
  const clear = useClearChannelToken(channel.code);
  const token = channel.token;
  // When it was set is an instant, shown in the zone of the channel's organization.
  const setOn = token?.setAt ? f.instant(token.setAt, names.zoneOf(channel.orgCode)) : '—';
  const status = !token?.set
    ? t('channel.tokenNotSet')
    : token.expiresOn
      ? t('channel.tokenSetExpires', { setOn, expiresOn: f.date(token.expiresOn) })
      : t('channel.tokenSet', { setOn });
  const submit = (values: Values) =>
    save.mutate(
      {
        token: values.token,
        ...(values.expiresOn ? { expiresOn: values.expiresOn.format('YYYY-MM-DD') } : {}),
      },
      { onSuccess: () => form.resetFields() },
    );
  return (
    <Card size="small" title={`${channel.name} — ${t('channel.token')}`}>
      <Typography.Paragraph data-testid="channel-token-status">{status}</Typography.Paragraph>
      <ErrorAlert error={save.error ?? clear.error} />
      {canWrite && (
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="token"
            label={token?.set ? t('channel.tokenReplace') : t('channel.token')}
            rules={[{ required: true, whitespace: true, message: t('channel.tokenRequired') }]}
          >
            <Input.Password autoComplete="off" visibilityToggle={false} />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('channel.tokenExpires')}>
            <DatePicker />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('channel.tokenSave')}
            </Button>
            {token?.set && (
              <Popconfirm title={t('channel.tokenClearConfirm')} onConfirm={() => clear.mutate()}>
                <Button danger loading={clear.isPending}>
                  {t('channel.tokenClear')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}
