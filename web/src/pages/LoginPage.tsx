/** Signing in with login and password; the server's refusal (wrong password, locked) is shown as it says. */
import { Button, Card, Form, Input, Typography } from 'antd';
import { useSignIn } from '../api/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useLang } from '../i18n/index.js';

export function LoginPage() {
  const { t } = useLang();
  const signIn = useSignIn();
  return (
    <main
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        minHeight: '100vh',
        padding: 16,
      }}
    >
      <Card style={{ width: 360, maxWidth: '100%' }}>
        <Typography.Title level={2}>{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Form
          layout="vertical"
          onFinish={(values: { login: string; password: string }) => signIn.mutate(values)}
        >
          <Form.Item label={t('login.login')} name="login" rules={[{ required: true, message: '' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: '' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {signIn.error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={signIn.error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={signIn.isPending} block>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
