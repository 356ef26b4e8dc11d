import { html } from '../html.js';

export function MyRecordsPage() {
  return html`<p>…</p>`;
}
