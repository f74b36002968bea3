import type { EChartsCoreOption } from 'echarts/core';
import type { Locale } from '@aftersales/engine';
import type { ImpactCounts } from '../../api/impactApi';
import { chartDescription } from '../../shared/chartDescription';

/** A bar chart of slices (people, stores, months, rules): records changed, deadlines now late and now on time. */
export function impactBarOption(
  slices: { label: string; counts: ImpactCounts }[],
  names: { records: string; late: string; onTime: string },
): EChartsCoreOption {
  const labels = slices.map((s) => s.label);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // Counts of thousands on a phone's narrow axis: a label that would touch the next one is left out.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 120, overflow: 'breakAll', lineHeight: 14 } },
    series: [
      { name: names.late, type: 'bar', data: slices.map((s) => s.counts.becameLate), itemStyle: { color: '#cf1322' } },
      { name: names.onTime, type: 'bar', data: slices.map((s) => s.counts.becameOnTime), itemStyle: { color: '#389e0d' } },
      { name: names.records, type: 'bar', data: slices.map((s) => s.counts.records), itemStyle: { color: '#1677ff' } },
    ],
  };
}

/** What `impactBarOption`'s chart says to a screen reader: each slice with its three counts. */
export function impactBarDescription(
  title: string,
  slices: { label: string; counts: ImpactCounts }[],
  names: { records: string; late: string; onTime: string },
  locale: Locale,
  more: (count: number) => string,
): string {
  const count = (n: number) => n.toLocaleString(locale);
  return chartDescription(
    title,
    slices.map((s) => ({
      name: s.label,
      values: [
        { label: names.late, value: count(s.counts.becameLate) },
        { label: names.onTime, value: count(s.counts.becameOnTime) },
        { label: names.records, value: count(s.counts.records) },
      ],
    })),
    locale,
    more,
  );
}

/** Height for a horizontal bar chart of `count` categories. */
export const barHeight = (count: number) => Math.max(160, 60 + count * 36);
