import { useState } from 'preact/hooks';
import { html } from './html.js';
import { LangContext, initialLang, saveLang, useT } from './i18n.js';
import { href, match, navigate, useRoute } from './router.js';
import { FacilityPage } from './pages/facility.js';
import { FacilitySearchPage } from './pages/admin-facilities.js';
import { FacilityHistoryPage } from './pages/admin-facility-history.js';
import { ImportPage } from './pages/admin-import.js';
import { ExemptionsPage } from './pages/admin-exemptions.js';
import { StatsPage } from './pages/admin-stats.js';
import { MyRecordsPage } from './pages/me.js';

/** Each route: its pattern, the roles that may open it, the page. The API decides the binding (own facility). */
const ROUTES = [
  { pattern: '/facility/:code', roles: ['facility-admin', 'portal-admin'], page: FacilityPage },
  { pattern: '/admin/facilities', roles: ['portal-admin'], page: FacilitySearchPage },
  { pattern: '/admin/facilities/:code/history', roles: ['portal-admin'], page: FacilityHistoryPage },
  { pattern: '/admin/import', roles: ['portal-admin'], page: ImportPage },
  { pattern: '/admin/exemptions', roles: ['portal-admin'], page: ExemptionsPage },
  { pattern: '/admin/stats', roles: ['portal-admin'], page: StatsPage },
  { pattern: '/me', roles: ['patient'], page: MyRecordsPage },
];

function navigation(session) {
  const items = [];
  if (session.has('facility-admin') && session.claims.facility_code) {
    items.push({ path: `/facility/${session.claims.facility_code}`, label: 'navFacility' });
  }
  if (session.has('portal-admin')) {
    items.push(
      { path: '/admin/facilities', label: 'navFacilities' },
      { path: '/admin/import', label: 'navImport' },
      { path: '/admin/exemptions', label: 'navExemptions' },
      { path: '/admin/stats', label: 'navStats' },
    );
  }
  if (session.has('patient')) items.push({ path: '/me', label: 'navMe' });
  return items;
}

function Header({ session, items, path, lang, onLang }) {
  const t = useT();
  return html`<header class="top">
    <a class="brand" href="#/">${t('appTitle')}</a>
    <nav class="main-nav" aria-label="main">
      ${items.map(
        (item) => html`<a href=${href(item.path)} aria-current=${path.startsWith(item.path) ? 'page' : undefined}
          >${t(item.label)}</a
        >`,
      )}
    </nav>
    <div class="account">
      <button type="button" class="link" lang=${lang === 'ja' ? 'en' : 'ja'} onClick=${onLang}>${t('language')}</button>
      <span class="who" data-testid="who">${session.displayName}</span>
      <button type="button" onClick=${() => session.signOut()}>${t('signOut')}</button>
    </div>
  </header>`;
}

function Page({ session, api, route, items }) {
  const t = useT();
  if (route.path === '/' || route.path === '') {
    if (items.length) navigate(items[0].path);
    return html`<p>${t('noRole')}</p>`;
  }
  for (const r of ROUTES) {
    const found = match(r.pattern, route.path);
    if (!found) continue;
    if (!r.roles.some((role) => session.has(role))) {
      return html`<div class="problem" role="alert" data-code="FORBIDDEN"><strong>${t('FORBIDDEN')}</strong></div>`;
    }
    const Component = r.page;
    return html`<${Component} session=${session} api=${api} path=${found} query=${route.params} />`;
  }
  return html`<p role="alert">${t('notFoundPage')}</p>`;
}

export function App({ session, api }) {
  const [lang, setLang] = useState(initialLang);
  const route = useRoute();
  const items = navigation(session);
  const toggle = () => {
    const next = lang === 'ja' ? 'en' : 'ja';
    saveLang(next);
    setLang(next);
  };
  return html`<${LangContext.Provider} value=${lang}>
    <${Header} session=${session} items=${items} path=${route.path} lang=${lang} onLang=${toggle} />
    <main id="main">
      <${Page} session=${session} api=${api} route=${route} items=${items} />
    </main>
  <//>`;
}
