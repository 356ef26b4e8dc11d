import { html } from '../html.js';
import { useT } from '../i18n.js';
import { Loaded, useLoad } from '../ui.js';

const M = {
  ja: { title: '施設', code: '医療機関等コード', stage: '現在の段階' },
  en: { title: 'Facility', code: 'Facility code', stage: 'Current stage' },
};

export function FacilityPage({ api, path }) {
  const t = useT(M);
  const facility = useLoad(() => api.get(`/facilities/${encodeURIComponent(path.code)}`), [path.code]);
  return html`<section>
    <${Loaded} state=${facility}>
      ${(f) => html`<h1 data-testid="facility-name">${f.name}</h1>
        <dl>
          <dt>${t('code')}</dt><dd>${f.facilityCode}</dd>
          <dt>${t('stage')}</dt><dd data-testid="facility-stage">${f.stage}</dd>
        </dl>`}
    <//>
  </section>`;
}
