/**
 * A chart, drawn by ECharts once it comes into view: ECharts is the largest library the pages use (some 180 kB
 * gzipped), so a page whose charts are below its first screen shows that screen without loading it.
 */
import type { EChartsOption } from 'echarts';
import { lazy } from 'react';
import { WhenSeen } from './WhenSeen.js';

export interface ChartProps {
  option: EChartsOption;
  height: number;
  label: string;
}

const EChart = lazy(() => import('./EChart.js'));

export function Chart(props: ChartProps) {
  return (
    <WhenSeen label={props.label} height={props.height + 24} className="chart-pending" role="img">
      <EChart {...props} />
    </WhenSeen>
  );
}
