import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/**
 * One ECharts chart (SVG, so it stays sharp on phones), resized with its box. A screen reader reads
 * `description` (`chartDescription`: the title and the values, in the reader's language), which
 * ECharts' `aria` option keeps on the figure. Drawn without animation when the system asks for
 * reduced motion.
 */
export function EChart({ option, description, height = 280 }: { option: EChartsCoreOption; description: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    chart.current = echarts.init(element, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No drawing animation for people who asked their system for less motion.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption({ aria: { enabled: true, label: { description } }, animation: !still, ...option }, true);
  }, [option, description]);

  return <div ref={box} role="img" aria-label={description} style={{ width: '100%', height }} />;
}
