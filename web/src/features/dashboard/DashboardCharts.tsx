/** Publications by branch and by month. */
import { Card, Col, Grid, Row } from 'antd';
import type { DashboardResponse } from '../../../../src/shared/dashboard.js';
import { orgName } from '../../../../src/shared/org-name.js';
import { Chart } from '../../components/Chart.js';
import { useLang } from '../../i18n/index.js';
import { useFormat } from '../../lib/format.js';

/** How many lines a label takes wrapped at word ends, at a generous 9 px a letter (12 px sans-serif, Cyrillic): too short a row overlaps its neighbours. */
function wrappedLines(label: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of label.split(/\s+/)) {
    const length = word.length * 9;
    if (used > 0 && used + 4 + length > width) {
      lines += 1;
      used = length;
    } else used += (used > 0 ? 4 : 0) + length;
  }
  return lines;
}

export function DashboardCharts({ data }: { data: DashboardResponse }) {
  const { lang, t } = useLang();
  const f = useFormat();
  const branches = data.byBranch.map((bar) => ({
    name: bar.org ? orgName(bar.org, lang) : t('dashboard.directPrimaries'),
    label:
      bar.group === 'self'
        ? t('dashboard.self')
        : bar.org
          ? orgName(bar.org, lang)
          : t('dashboard.directPrimaries'),
    count: bar.count,
  }));
  const axisLabel = { formatter: (value: number) => f.number(value) };
  // Long names wrap at word ends rather than end in an ellipsis: each bar's row is as tall as its longest label's
  // lines need.
  const labelWidth = Grid.useBreakpoint().sm ? 180 : 140;
  const lines = Math.max(1, ...branches.map((bar) => wrappedLines(bar.label, labelWidth)));
  const rowHeight = Math.max(28, lines * 14 + 12);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.byBranch')}>
          <Chart
            label={t('dashboard.byBranch')}
            height={Math.max(220, branches.length * rowHeight + 40)}
            option={{
              animation: false,
              grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis', valueFormatter: (value) => f.number(Number(value)) },
              xAxis: { type: 'value', minInterval: 1, axisLabel },
              yAxis: {
                type: 'category',
                inverse: true,
                data: branches.map((bar) => bar.label),
                axisLabel: { interval: 0, width: labelWidth, overflow: 'break', lineHeight: 14 },
              },
              series: [
                { type: 'bar', data: branches.map((bar) => bar.count), itemStyle: { color: '#1677ff' } },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.byMonth')}>
          <Chart
            label={t('dashboard.byMonth')}
            height={260}
            option={{
              animation: false,
              grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis', valueFormatter: (value) => f.number(Number(value)) },
              xAxis: { type: 'category', data: data.byMonth.map((bar) => f.month(bar.month)) },
              yAxis: { type: 'value', minInterval: 1, axisLabel },
              series: [
                { type: 'bar', data: data.byMonth.map((bar) => bar.count), itemStyle: { color: '#13a8a8' } },
              ],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
