import { html } from '../html.js';

export function ExemptionsPage() {
  return html`<p>…</p>`;
}
