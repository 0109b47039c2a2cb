/**
 * One ECharts chart (canvas renderer, shared with 发布统计), with only the parts this page needs registered (echarts/core keeps the
 * bundle small; this module loads with the lazily loaded comparison page only). The chart is an image for
 * assistive technology, labelled by its caption; the same numbers follow it in a table. Decal patterns and
 * varied line styles and symbols mean colour is never the only cue.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/** Line styles and symbols cycled per series, so series differ by more than colour. */
export const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'] as const;

export function EChart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Our own label names the chart; ECharts' generated description is turned off, its decal patterns on.
    chart.current?.setOption({ ...option, aria: { enabled: true, label: { enabled: false }, decal: { show: true } } }, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className="gk-comparison-chart" style={{ width: '100%', height }} />;
}
