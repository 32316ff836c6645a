/**
 * An ECharts chart with only the parts the pages draw (bars and lines on a canvas), so the bundle stays small.
 * Own wrapper rather than echarts-for-react, whose build imports tslib without declaring it. Loaded by Chart.tsx
 * only once a chart comes into view.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useLang } from '../i18n/index.js';
import type { ChartProps } from './Chart.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function EChart({ option, height, label }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div>
      {/* Above the drawing, not over it: a button on the canvas would hide the largest bar's end. */}
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <PngButton chart={chart} label={label} />
      </div>
      <div ref={element} role="img" aria-label={label} style={{ height, width: '100%' }} />
    </div>
  );
}

/** Saves the chart as it is drawn, at twice its size on a white ground, named by its label. */
function PngButton({ chart, label }: { chart: React.RefObject<echarts.ECharts | null>; label: string }) {
  const { t } = useLang();
  const save = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${label.replace(/[\\/:*?"<>|]/g, ' ').trim()}.png`;
    link.click();
  };
  return (
    <Button
      size="small"
      type="text"
      onClick={save}
      title={t('export.png')}
      aria-label={`${t('export.png')}: ${label}`}
    >
      PNG
    </Button>
  );
}
