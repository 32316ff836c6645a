/**
 * Charts drawn on the server: ECharts renders SVG without a browser, resvg rasterizes it for Word with the DejaVu
 * fonts the project ships (they cover Kazakh letters), so no chart depends on the fonts of the machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartBlock } from '../model.js';

const FONT_FAMILY = 'DejaVu Sans';
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];

export const CHART_SIZE = { width: 900, height: 480 } as const;
/** How wide a chart is shown in a document, in CSS pixels (96 to the inch): 15.9 cm. */
export const CHART_WIDTH_PX = 600;
/**
 * Pixels of the picture per pixel of the chart: 1,350 pixels across its 15.9 cm, 216 dpi, which prints sharp.
 * Encoding the PNG grows with the pixels: at 2 (288 dpi) it took half of a region's brief.
 */
const PNG_SCALE = 1.5;

/** Greys and one accent that print well in black and white too. */
const PALETTE = ['#1f4e79', '#7f9cc0', '#c55a11', '#a5a5a5', '#548235', '#bf9000'];

function option(chart: ChartBlock): echarts.EChartsOption {
  const horizontal = chart.type === 'bar' && chart.categories.length > 6;
  const category = {
    type: 'category' as const,
    data: chart.categories,
    // SSR has no real text measurement: without interval 0 it hides labels it wrongly thinks overlap.
    axisLabel: {
      interval: 0,
      fontSize: 13,
      ...(horizontal ? {} : { rotate: chart.categories.length > 4 ? 30 : 0 }),
    },
    ...(horizontal ? { inverse: true } : {}),
  };
  const value = { type: 'value' as const, minInterval: 1, axisLabel: { fontSize: 12 } };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: chart.title, left: 'center', textStyle: { fontSize: 16, fontFamily: FONT_FAMILY } },
    legend: { bottom: 0, textStyle: { fontSize: 13 } },
    grid: { left: 20, right: 30, top: 50, bottom: 45, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: chart.series.map((series) => ({
      type: 'bar' as const,
      name: series.name,
      data: series.values,
      ...(chart.type === 'stacked-bar' ? { stack: 'all' } : {}),
      label: {
        show: true,
        position: chart.type === 'stacked-bar' ? ('inside' as const) : ('right' as const),
        fontSize: 11,
        // A zero inside a stack is a slice that is not there.
        ...(chart.type === 'stacked-bar'
          ? { formatter: (item: { value: unknown }) => (item.value ? String(item.value) : '') }
          : {}),
      },
    })),
  };
}

export function renderChartSvg(chart: ChartBlock): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    instance.setOption(option(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export function renderChartPng(chart: ChartBlock, scale = PNG_SCALE): Buffer {
  const resvg = new Resvg(renderChartSvg(chart), {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
