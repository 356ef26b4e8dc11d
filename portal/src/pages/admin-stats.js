import { html } from '../html.js';

export function StatsPage() {
  return html`<p>…</p>`;
}
