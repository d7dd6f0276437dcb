/**
 * Charts of the overview page, rendered to SVG strings by Apache ECharts' server-side renderer
 * (no DOM, no script in the page). ECharts escapes the text it writes into the SVG; labels are
 * still shortened so a long title cannot crowd the axis.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Overview } from './overview.js';

echarts.use([BarChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Mid-tone colors that read on both the light and the dark page background. */
const AXIS = '#8b949e';
const GRID = 'rgba(139, 148, 158, 0.35)';
const TTD_COLOR = '#4e79a7';
const TTR_COLOR = '#e15759';
const COUNT_COLOR = '#59a14f';
const FONT = 'system-ui, "Liberation Sans", Arial, sans-serif';

/**
 * Renders one chart. ZRender numbers its instances and their style classes process-wide
 * (`zr3-cls-17`); those class names are renumbered under `name` so a page is the same however
 * many charts were drawn before it, and two charts on one page never share a class.
 */
function render(name: string, option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: 'transparent', textStyle: { fontFamily: FONT, color: AXIS }, ...option });
    const names = new Map<string, string>();
    return chart.renderToSVGString({ useViewBox: true }).replace(/\bzr\d+-cls-\d+\b/g, (cls) => {
      if (!names.has(cls)) names.set(cls, `${name}-${names.size}`);
      return names.get(cls)!;
    });
  } finally {
    chart.dispose();
  }
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

const valueAxis = (name: string) => ({
  type: 'value',
  name,
  nameTextStyle: { color: AXIS },
  axisLabel: { color: AXIS },
  splitLine: { lineStyle: { color: GRID } },
});

/** Grouped bars: time to detect and time to resolve (minutes) of each incident that has one. */
export function durationsChart(overview: Overview, width = 880, height = 360): string | undefined {
  const rows = overview.incidents.filter((i) => i.timeToDetectMinutes !== undefined || i.timeToResolveMinutes !== undefined);
  if (rows.length === 0) return undefined;
  // A few incidents get two-line labels (date, title); many get rotated dates only.
  const many = rows.length > 6;
  const slot = Math.floor((width - 88) / rows.length) - 8;
  const labels = rows.map((r) => (many ? (r.date ?? 'undated') : `${r.date ?? 'undated'}\n${shorten(r.title, 40)}`));
  return render(
    'ttd-ttr',
    {
      aria: { enabled: true, decal: { show: false } },
      legend: { top: 0, itemGap: 28, textStyle: { color: AXIS } },
      grid: { left: 64, right: 24, top: 40, bottom: many ? 80 : 56 },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { color: AXIS, interval: 0, rotate: many ? 45 : 0, width: many ? undefined : slot, overflow: many ? 'none' : 'truncate', lineHeight: 16 },
        axisLine: { lineStyle: { color: AXIS } },
      },
      yAxis: valueAxis('minutes'),
      series: [
        { name: 'Time to detect', type: 'bar', barMaxWidth: 40, data: rows.map((r) => r.timeToDetectMinutes ?? null), itemStyle: { color: TTD_COLOR } },
        { name: 'Time to resolve', type: 'bar', barMaxWidth: 40, data: rows.map((r) => r.timeToResolveMinutes ?? null), itemStyle: { color: TTR_COLOR } },
      ],
    },
    width,
    height,
  );
}

/** Bars: incidents per month, empty months included. */
export function perMonthChart(overview: Overview, width = 880, height = 280): string | undefined {
  if (overview.perMonth.length === 0) return undefined;
  return render(
    'per-month',
    {
      aria: { enabled: true, decal: { show: false } },
      grid: { left: 64, right: 24, top: 24, bottom: 56 },
      xAxis: {
        type: 'category',
        data: overview.perMonth.map((m) => m.month),
        axisLabel: { color: AXIS, rotate: overview.perMonth.length > 12 ? 45 : 0 },
        axisLine: { lineStyle: { color: AXIS } },
      },
      yAxis: { ...valueAxis('incidents'), minInterval: 1 },
      series: [{ name: 'Incidents', type: 'bar', barMaxWidth: 48, data: overview.perMonth.map((m) => m.count), itemStyle: { color: COUNT_COLOR } }],
    },
    width,
    height,
  );
}
