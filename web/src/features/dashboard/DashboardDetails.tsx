/**
 * The dashboard below its first screen: charts, the organization × platform table, engagement, posting times,
 * followers' growth, presence and findings. Its own chunk, loaded once scrolled to (DashboardPage.tsx).
 */
import type { DashboardResponse } from '../../../../src/shared/dashboard.js';
import { DashboardCharts } from './DashboardCharts.js';
import { EngagementSection } from './EngagementSection.js';
import { FindingList } from './FindingList.js';
import { FollowerGrowthTable } from './FollowerGrowthTable.js';
import { PostingTimeHeatmap } from './PostingTimeHeatmap.js';
import { PresenceMatrix } from './PresenceMatrix.js';
import { SubjectPlatformTable } from './SubjectPlatformTable.js';

export default function DashboardDetails({ data, period }: { data: DashboardResponse; period: string }) {
  const orgCode = data.org.code;
  return (
    <div data-dashboard-details style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <DashboardCharts data={data} />
      <SubjectPlatformTable orgCode={orgCode} period={period} />
      <EngagementSection orgCode={orgCode} period={period} />
      <PostingTimeHeatmap orgCode={orgCode} period={period} />
      <FollowerGrowthTable orgCode={orgCode} period={period} />
      <PresenceMatrix matrix={data.presence} />
      <FindingList findings={data.findings} />
    </div>
  );
}
