import { html } from '../html.js';
import { useT } from '../i18n.js';
import { href } from '../router.js';
import { FacilityHistory } from './facility-history.js';

const M = {
  ja: { title: '施設 {code} の変更履歴', facility: '施設の詳細', back: '施設検索に戻る' },
  en: { title: 'History of facility {code}', facility: 'Facility details', back: 'Back to the search' },
};

/** A facility's history on a page of its own for portal administrators (linked from each search result). */
export function FacilityHistoryPage({ api, path }) {
  const t = useT(M);
  return html`<section>
    <h1>${t('title', { code: path.code })}</h1>
    <p class="links">
      <a href=${href(`/facility/${path.code}`)}>${t('facility')}</a>
      <a href=${href('/admin/facilities')}>${t('back')}</a>
    </p>
    <${FacilityHistory} api=${api} code=${path.code} />
  </section>`;
}
