/** How the chosen organization's information work stands in the chosen period. */
import { Space, Spin, Typography } from 'antd';
import { orgName } from '../../../src/shared/org-name.js';
import { useDashboard } from '../api/measures.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { DashboardCharts } from '../features/dashboard/DashboardCharts.js';
import { EngagementSection } from '../features/dashboard/EngagementSection.js';
import { BriefButton } from '../features/briefs/BriefButton.js';
import { FigureCards } from '../features/dashboard/FigureCards.js';
import { FigureComparison } from '../features/dashboard/FigureComparison.js';
import { FindingList } from '../features/dashboard/FindingList.js';
import { FollowerGrowthTable } from '../features/dashboard/FollowerGrowthTable.js';
import { PlanFactPanel } from '../features/plan/PlanFactPanel.js';
import { PostingTimeHeatmap } from '../features/dashboard/PostingTimeHeatmap.js';
import { PresenceMatrix } from '../features/dashboard/PresenceMatrix.js';
import { SubjectPlatformTable } from '../features/dashboard/SubjectPlatformTable.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { useOrgPeriod } from '../lib/org-period.js';

export default function DashboardPage() {
  const { lang } = useLang();
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
      <DashboardCharts data={data} />
      <SubjectPlatformTable orgCode={data.org.code} period={period} />
      <EngagementSection orgCode={data.org.code} period={period} />
      <PostingTimeHeatmap orgCode={data.org.code} period={period} />
      <FollowerGrowthTable orgCode={data.org.code} period={period} />
      <PresenceMatrix matrix={data.presence} />
      <FindingList findings={data.findings} />
    </Space>
  );
}
