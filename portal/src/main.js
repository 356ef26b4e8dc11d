import { render } from 'preact';
import './styles.css';
import { html } from './html.js';
import { App } from './app.js';
import { createApi } from './api.js';
import { signIn } from './auth.js';
import { initialLang, saveLang } from './i18n.js';

/** The portal's settings come from the gateway (`/portal/config.json`): where Keycloak is, the realm, the client. */
async function start() {
  saveLang(initialLang());
  const root = document.getElementById('app');
  try {
    const config = await (await fetch('config.json', { cache: 'no-store' })).json();
    const session = await signIn(config);
    root.textContent = '';
    render(html`<${App} session=${session} api=${createApi(session)} />`, root);
  } catch (failure) {
    root.innerHTML = '';
    const p = document.createElement('p');
    p.className = 'problem';
    p.setAttribute('role', 'alert');
    p.textContent = `サインインできませんでした / Sign-in failed: ${failure?.message || failure?.error || failure}`;
    root.appendChild(p);
  }
}

start();
