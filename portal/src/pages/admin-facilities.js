import { html } from '../html.js';

export function FacilitySearchPage() {
  return html`<p>…</p>`;
}
