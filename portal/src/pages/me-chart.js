import { useEffect, useRef } from 'preact/hooks';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { html } from '../html.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One checkup item over the examinations, as a line chart (Chart.js); the table beside it has the same numbers. */
export function ItemTrend({ label, points }) {
  const canvas = useRef(null);
  useEffect(() => {
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: points.map((p) => p.examinedOn),
        datasets: [{ label, data: points.map((p) => p.value), borderColor: '#0b5cad', backgroundColor: '#0b5cad' }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: false } } },
    });
    return () => chart.destroy();
  }, [label, points]);
  return html`<div class="chart-box" data-testid="item-trend"><canvas ref=${canvas} role="img" aria-label=${label}></canvas></div>`;
}
