/**
 * A chart, drawn by ECharts once it comes into view: ECharts is the largest library the pages use (some 180 kB
 * gzipped), so a page whose charts are below its first screen shows that screen without loading it.
 */
import type { EChartsOption } from 'echarts';
import { Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

export interface ChartProps {
  option: EChartsOption;
  height: number;
  label: string;
}

const EChart = lazy(() => import('./EChart.js'));

export function Chart(props: ChartProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  const waiting = (
    <div
      ref={placeholder}
      className="chart-pending"
      role="img"
      aria-label={props.label}
      aria-busy
      style={{ height: props.height + 24, display: 'grid', placeItems: 'center' }}
    >
      {seen && <Spin />}
    </div>
  );
  return seen ? <Suspense fallback={waiting}>{<EChart {...props} />}</Suspense> : waiting;
}
