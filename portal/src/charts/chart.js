import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  ChoroplethController,
  GeoFeature,
  ColorScale,
  ProjectionScale,
);

/** The colours of the charts' series (the same as the styles' where they meet). */
export const SERIES = ['#0b5cad', '#2e9e6a', '#e08a00', '#8e44ad', '#c0392b'];

/**
 * A bar chart's config: one dataset per series (`{ label, data }`, data in the order of `labels`), coloured in the
 * order of SERIES.
 */
export function barChart(labels, series, options) {
  return {
    type: 'bar',
    data: { labels, datasets: series.map((s, i) => ({ ...s, backgroundColor: SERIES[i] })) },
    options,
  };
}

/**
 * A Chart.js chart on a canvas, made again whenever `config` changes (build it with useMemo). `label` names the chart
 * for screen readers; the table beside it carries the figures. `data-drawn` is set once the chart has drawn.
 */
export function ChartCanvas({ config, label, testid, tall }) {
  const canvas = useRef(null);
  const box = useRef(null);
  useEffect(() => {
    if (!canvas.current || !config) return undefined;
    box.current?.removeAttribute('data-drawn');
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, ...config.options },
      plugins: [
        ...(config.plugins || []),
        {
          id: 'drawn',
          afterRender: () => box.current?.setAttribute('data-drawn', 'true'),
        },
      ],
    });
    return () => chart.destroy();
  }, [config]);
  return html`<div class=${`chart-box${tall ? ' tall' : ''}`} ref=${box} data-testid=${testid}>
    <canvas ref=${canvas} role="img" aria-label=${label}></canvas>
  </div>`;
}
