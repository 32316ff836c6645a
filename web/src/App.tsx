/** The application: data cache, antd in the user's language, and the pages behind sign-in. */
import { ConfigProvider, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.js';
import { AppLayout } from './components/AppLayout.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { ANTD_LOCALES, applyLanguage, useLang } from './i18n/index.js';
import { mayUse, pageOf } from './lib/pages.js';
import { SessionContext, useCurrentSession } from './lib/session.js';

// The sign-in page only for those not signed in: its form stays out of a signed-in user's first view.
const LoginPage = lazy(() =>
  import('./pages/LoginPage.js').then((module) => ({ default: module.LoginPage })),
);
// Its pictures (some 10 kB gzipped) only for the page that shows them.
const PageStatus = lazy(() => import('./components/PageStatus.js'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.js'));
const OrganizationsPage = lazy(() => import('./pages/OrganizationsPage.js'));
const PublicationsPage = lazy(() => import('./pages/PublicationsPage.js'));
const ChannelsPage = lazy(() => import('./pages/ChannelsPage.js'));
const MediaPage = lazy(() => import('./pages/MediaPage.js'));
const MaterialsPage = lazy(() => import('./pages/MaterialsPage.js'));
const EventsPage = lazy(() => import('./pages/EventsPage.js'));
const DecisionsPage = lazy(() => import('./pages/DecisionsPage.js'));
const ImportsPage = lazy(() => import('./pages/ImportsPage.js'));
const BriefsPage = lazy(() => import('./pages/BriefsPage.js'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.js'));
const PlanPage = lazy(() => import('./pages/PlanPage.js'));
const RankingsPage = lazy(() => import('./pages/RankingsPage.js'));

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

/** A page the user's role has no use for says so, rather than showing controls the server would refuse. */
function Allowed({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const { abilities } = useCurrentSession();
  const page = pageOf(useLocation().pathname);
  return (
    <Suspense fallback={loading}>
      {page && !mayUse(page, abilities) ? (
        <PageStatus status="403" title={t('common.pageNotForRole')} />
      ) : (
        children
      )}
    </Suspense>
  );
}

function SignedIn() {
  const { t } = useLang();
  const session = useSession();
  const lang = session.data?.user.lang;
  useEffect(() => {
    if (lang) applyLanguage(lang);
  }, [lang]);
  if (session.isPending) return loading;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data)
    return (
      <Suspense fallback={loading}>
        <LoginPage />
      </Suspense>
    );
  const page = (element: ReactNode) => <Allowed>{element}</Allowed>;
  return (
    <SessionContext.Provider value={session.data}>
      <AppLayout>
        <Routes>
          <Route path="/" element={page(<DashboardPage />)} />
          <Route path="/organizations/:code?" element={page(<OrganizationsPage />)} />
          <Route path="/rankings" element={page(<RankingsPage />)} />
          <Route path="/publications/:id?" element={page(<PublicationsPage />)} />
          <Route path="/channels/:code?" element={page(<ChannelsPage />)} />
          <Route path="/media" element={page(<MediaPage />)} />
          <Route path="/materials" element={page(<MaterialsPage />)} />
          <Route path="/events" element={page(<EventsPage />)} />
          <Route path="/decisions" element={page(<DecisionsPage />)} />
          <Route path="/imports" element={page(<ImportsPage />)} />
          <Route path="/briefs" element={page(<BriefsPage />)} />
          <Route path="/plan" element={page(<PlanPage />)} />
          <Route path="/settings" element={page(<SettingsPage />)} />
          <Route path="*" element={page(<PageStatus status="404" title={t('common.notFound')} />)} />
        </Routes>
      </AppLayout>
    </SessionContext.Provider>
  );
}

export function App() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={ANTD_LOCALES[lang]}>
      <BrowserRouter>
        <SignedIn />
      </BrowserRouter>
    </ConfigProvider>
  );
}
