/**
 * uPlot line charts, loaded only by the Metrics tab (this module is imported dynamically, with uPlot and its CSS).
 * Colours come from the theme's CSS variables, so charts follow light and dark mode.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Line {
  label: string;
  values: (number | null)[];
  /** A CSS variable of the theme, e.g. --accent. */
  colour: string;
  format: (value: number) => string;
}

function theme(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws into `target`; answers a function that removes the chart. It resizes with its container. */
export function draw(target: HTMLElement, times: number[], lines: Line[]): () => void {
  const text = theme('--muted', '#5d6573');
  const grid = theme('--border', '#d9dde4');
  const format = lines[0]?.format ?? String;
  const axis = {stroke: text, grid: {stroke: grid, width: 1}, ticks: {stroke: grid, width: 1}};
  const width = () => Math.max(240, target.clientWidth);
  const plot = new uPlot({
    width: width(),
    height: 200,
    series: [{}, ...lines.map(line => ({
      label: line.label, stroke: theme(line.colour, '#4f46e5'), width: 2, spanGaps: false,
      value: (_: uPlot, value: number | null) => (value == null ? '—' : line.format(value)),
    }))],
    axes: [axis, {...axis, size: 70, values: (_: uPlot, ticks: number[]) => ticks.map(format)}],
    scales: {
      // one sample alone would make uPlot stretch the time axis over years: show five minutes either side of it
      x: {time: true, range: (_: uPlot, min: number, max: number) => (min === max ? [min - 300, max + 300] : [min, max])},
      y: {range: (_: uPlot, min: number, max: number) => [Math.min(0, min), max > 0 ? max * 1.1 : 1]},
    },
    cursor: {drag: {x: false, y: false}},
  }, [times, ...lines.map(line => line.values)] as uPlot.AlignedData, target);
  const observer = new ResizeObserver(() => plot.setSize({width: width(), height: 200}));
  observer.observe(target);
  return () => {
    observer.disconnect();
    plot.destroy();
  };
}
