import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart as one image for assistive technology: its `label` says what it shows, and the
 * page always puts a table with the same figures next to it. ECharts loads lazily: only pages with
 * charts pay for it.
 */
export function Chart({
  option,
  label,
  height,
}: {
  option: EChartsCoreOption;
  label: string;
  height: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let dispose = () => {};
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed) return;
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return <div ref={container} className="chart" role="img" aria-label={label} style={{ height }} />;
}
