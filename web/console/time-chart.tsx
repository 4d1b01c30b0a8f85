import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartFormats } from './chart-formats.ts';

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
}

const HEIGHT = 220;

/**
 * A line chart of counts over time, drawn by uPlot on a canvas. uPlot sizes its parts through
 * the CSSOM (element.style), which the console's `style-src 'self'` does not govern, so the
 * page needs no inline styles. The chart is one image to assistive technology, named by
 * `label`; the numbers themselves are in the table it points to. Its ticks and its legend
 * speak `locale`, the legend's time named `timeLabel`.
 */
export function TimeChart(props: {
  label: string;
  locale: string;
  timeLabel: string;
  times: number[];
  series: ChartSeries[];
}) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = box.current;
    if (!host) return;
    const text = getComputedStyle(host).color;
    const axis = { stroke: text, grid: { stroke: 'rgba(128, 128, 128, 0.25)' } };
    const format = chartFormats(props.locale);
    const chart = new uPlot(
      {
        width: Math.max(host.clientWidth, 200),
        height: HEIGHT,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        // Counts are whole: no tick between 0 and 1.
        axes: [
          {
            ...axis,
            // Room for a time written out, "10:00 AM", between two ticks.
            space: 72,
            values: (_u, splits, _axis, _space, increment) => format.ticks(splits, increment),
          },
          { ...axis, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1e4, 1e5, 1e6] },
        ],
        series: [
          { label: props.timeLabel, value: (_u, seconds) => format.instant(seconds) },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: {},
            value: (_u: uPlot, n: number) => format.count(n),
          })),
        ],
      },
      [props.times.map((ms) => ms / 1000), ...props.series.map((s) => s.values)],
      host,
    );
    // Follows the page's width (a phone turned sideways, a resized window).
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(host.clientWidth, 200), height: HEIGHT }),
    );
    resize.observe(host);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props.times, props.series, props.locale, props.timeLabel]);

  return <div ref={box} class="chart" role="img" aria-label={props.label} />;
}
