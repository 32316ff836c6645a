/** How the chosen organization's information work stands in the chosen period. */
import { Space, Spin, Typography } from 'antd';
import { orgName } from '../../../src/shared/org-name.js';
import { useDashboard } from '../api/measures.js';
import { lazy } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { WhenSeen } from '../components/WhenSeen.js';
import { BriefButton } from '../features/briefs/BriefButton.js';
import { FigureCards } from '../features/dashboard/FigureCards.js';
import { FigureComparison } from '../features/dashboard/FigureComparison.js';
import { PlanFactPanel } from '../features/plan/PlanFactPanel.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgPeriod } from '../lib/org-period.js';

/** Below the first screen: loaded once scrolled to, with the tables' code (antd's table) it alone needs. */
const DashboardDetails = lazy(() => import('../features/dashboard/DashboardDetails.js'));

export default function DashboardPage() {
  const { lang, t } = useLang();
  const f = useFormat();
  const { orgCode, period } = useOrgPeriod();
  const dashboard = useDashboard(orgCode, period);
  if (dashboard.error) return <ErrorAlert error={dashboard.error} />;
  const data = dashboard.data;
  if (!data) return <Spin />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {orgName(data.org, lang, 'full')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {f.date(data.period.from)} – {f.date(data.period.to)}
        </Typography.Text>
        <BriefButton orgCode={data.org.code} period={period} />
      </div>
      <FigureCards data={data} />
      <PlanFactPanel orgCode={data.org.code} period={period} />
      <FigureComparison data={data} />
      <WhenSeen label={t('dashboard.details')} height={600} className="details-pending" role="region">
        <DashboardDetails data={data} period={period} />
      </WhenSeen>
    </Space>
  );
}
