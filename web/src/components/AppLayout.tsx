/** The frame of every signed-in page: the menu, the organization and period pickers, language and sign-out. */
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSignOut } from '../api/session.js';
import { useLang } from '../i18n/index.js';
import { useCarriedSearch, useOrgPeriod } from '../lib/org-period.js';
import { mayUse, pageOf, PAGES } from '../lib/pages.js';
import { useCurrentSession } from '../lib/session.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { OrgSwitch } from './OrgSwitch.js';
import { PeriodPicker } from './PeriodPicker.js';

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useLang();
  const { abilities } = useCurrentSession();
  const search = useCarriedSearch();
  const location = useLocation();
  const selected = pageOf(location.pathname)?.path ?? '/';
  return (
    <Menu
      mode="inline"
      className="app-menu"
      selectedKeys={[selected]}
      items={PAGES.filter((page) => mayUse(page, abilities)).map((page) => ({
        key: page.path,
        label: (
          <Link to={`${page.path}${search}`} onClick={onNavigate}>
            {t(page.label)}
          </Link>
        ),
      }))}
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const session = useCurrentSession();
  const signOut = useSignOut();
  const { period, setPeriod } = useOrgPeriod();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={230} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 24px' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <nav aria-label={t('nav.menu')}>
            <NavMenu />
          </nav>
        </Layout.Sider>
      )}
      <Drawer
        open={narrow && menuOpen}
        onClose={() => setMenuOpen(false)}
        placement="left"
        size={260}
        title={t('app.name')}
      >
        <nav aria-label={t('nav.menu')}>
          <NavMenu onNavigate={() => setMenuOpen(false)} />
        </nav>
      </Drawer>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            height: 'auto',
            lineHeight: 'normal',
            padding: '8px 16px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space wrap size={8} style={{ width: '100%' }}>
            {narrow && (
              <Button aria-label={t('nav.menu')} onClick={() => setMenuOpen(true)}>
                ☰
              </Button>
            )}
            <OrgSwitch />
            <PeriodPicker value={period} onChange={setPeriod} />
            <LanguageSwitch />
            <Typography.Text type="secondary">{session.user.name ?? session.user.login}</Typography.Text>
            <Button onClick={() => signOut.mutate()}>{t('common.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
