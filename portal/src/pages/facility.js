import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useLang, useT } from '../i18n.js';
import { Loaded, useLoad } from '../ui.js';
import { FacilitySteps } from './facility-steps.js';
import { SubsidyEstimate } from './facility-subsidy.js';
import { SurveyForm } from './facility-survey.js';
import { ExemptionRequest } from './facility-exemption.js';
import { FacilityHistory } from './facility-history.js';
import { prefectureName, withLabels } from './admin-labels.js';

const M = withLabels({
  ja: { code: '医療機関等コード', type: '種別', prefecture: '都道府県' },
  en: { code: 'Facility code', type: 'Type', prefecture: 'Prefecture' },
});

/**
 * A facility's page: its stage and dates as a progress line with the next step as a form, the subsidy estimate, the
 * survey and an exemption request. The API decides who may open it (its own facility admin, or a portal admin); its
 * 403 is shown as a message.
 */
export function FacilityPage({ api, path }) {
  const t = useT(M);
  const lang = useLang();
  const [changed, setChanged] = useState(null);
  const loaded = useLoad(() => api.get(`/facilities/${encodeURIComponent(path.code)}`), [path.code]);
  const state = changed && changed.facilityCode === path.code ? { ...loaded, data: changed } : loaded;
  return html`<${Loaded} state=${state}>
    ${(f) => html`<h1 data-testid="facility-name">${f.name}</h1>
      <p class="facility-facts">
        <span>${t('code')}: <strong>${f.facilityCode}</strong></span>
        <span>${t('type')}: ${t(f.type)}</span>
        <span>${t('prefecture')}: ${prefectureName(f.prefecture, lang)}</span>
      </p>
      <${FacilitySteps} api=${api} facility=${f} onChange=${setChanged} />
      <${SubsidyEstimate} api=${api} facility=${f} />
      <${SurveyForm} api=${api} facility=${f} />
      <${ExemptionRequest} api=${api} facility=${f} />
      <div class="card">
        <${FacilityHistory} api=${api} code=${f.facilityCode} key=${JSON.stringify(f)} />
      </div>`}
  <//>`;
}
