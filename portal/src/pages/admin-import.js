import { html } from '../html.js';

export function ImportPage() {
  return html`<p>…</p>`;
}
