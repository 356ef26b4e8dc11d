import { useMemo } from 'preact/hooks';
import geo from '../geo/japan-prefectures.json';
import { html } from '../html.js';
import { bandColour } from './bands.js';
import { ChartCanvas } from './chart.js';

/**
 * The 47 prefectures coloured by the band of their rate (chartjs-chart-geo's choropleth). The container carries the
 * rates it shows (`data-rates`, prefecture code → rate) for tests and tools; the table beside it is the accessible form.
 */
export function PrefectureMap({ rows, rate, lang, label }) {
  const rates = useMemo(() => Object.fromEntries(rows.map((r) => [r.prefecture, r[rate]])), [rows, rate]);
  const config = useMemo(
    () => ({
      type: 'choropleth',
      data: {
        labels: geo.features.map((f) => f.properties[lang] || f.properties.ja),
        datasets: [
          {
            label,
            outline: geo.features,
            data: geo.features.map((feature) => ({ feature, value: rates[feature.properties.code] ?? null })),
            backgroundColor: (ctx) => bandColour(ctx.raw?.value),
            borderColor: '#5b6776',
            borderWidth: 0.5,
          },
        ],
      },
      options: {
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${item.chart.data.labels[item.dataIndex]}: ${item.raw?.value ?? '—'} %` } },
        },
        scales: {
          projection: { axis: 'x', projection: 'mercator' },
          color: { axis: 'x', display: false },
        },
      },
    }),
    [rates, lang, label],
  );
  return html`<div class="prefecture-map" data-testid="prefecture-map" data-rate=${rate} data-rates=${JSON.stringify(rates)}>
    <${ChartCanvas} config=${config} label=${label} testid="prefecture-map-chart" tall=${true} />
  </div>`;
}
