import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatNumber, useLang, useT } from '../i18n.js';
import { href, navigate } from '../router.js';
import { Field, Loaded, Pager, useLoad } from '../ui.js';
import { PREFECTURES, STAGES, TYPES, prefectureName, withLabels } from './admin-labels.js';

const M = withLabels({
  ja: {
    title: '施設検索',
    prefecture: '都道府県',
    type: '種別',
    stage: '現在の段階',
    q: '医療機関等コード（前方一致）または名称',
    code: '医療機関等コード',
    name: '名称',
    found: '{total} 件',
    history: '履歴',
    historyOf: '{code} の変更履歴',
  },
  en: {
    title: 'Facilities',
    prefecture: 'Prefecture',
    type: 'Type',
    stage: 'Stage today',
    q: 'Facility code (prefix) or name',
    code: 'Facility code',
    name: 'Name',
    found: '{total} found',
    history: 'History',
    historyOf: 'History of {code}',
  },
});

const SIZE = 50;
const FILTERS = ['prefecture', 'type', 'stage', 'q'];

/** The facility master, searched by prefecture, type, today's stage and code or name; the search lives in the route. */
export function FacilitySearchPage({ api, query }) {
  const t = useT(M);
  const lang = useLang();
  const page = Math.max(0, Number.parseInt(query.page || '0', 10) || 0);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query[k] || '']));
  const key = JSON.stringify({ ...filters, page });
  const state = useLoad(() => api.get('/facilities', { ...filters, page, size: SIZE }), [key]);
  return html`<section>
    <h1>${t('title')}</h1>
    <${SearchForm} filters=${filters} error=${state.error} />
    <${Loaded} state=${state}>
      ${(result) => html`<p class="hint" role="status" data-testid="search-total">${t('found', { total: formatNumber(result.total, lang) })}</p>
        ${result.items.length === 0
          ? html`<p>${t('none')}</p>`
          : html`<div class="table-wrap">
              <table data-testid="facility-results">
                <thead>
                  <tr>
                    <th scope="col">${t('code')}</th>
                    <th scope="col">${t('name')}</th>
                    <th scope="col">${t('type')}</th>
                    <th scope="col">${t('prefecture')}</th>
                    <th scope="col">${t('stage')}</th>
                    <th scope="col"><span class="visually-hidden">${t('history')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${result.items.map(
                    (f) => html`<tr data-code=${f.facilityCode}>
                      <td><a href=${href(`/facility/${f.facilityCode}`)}>${f.facilityCode}</a></td>
                      <td>${f.name}</td>
                      <td>${t(f.type)}</td>
                      <td>${prefectureName(f.prefecture, lang)}</td>
                      <td>${t(f.stage)}</td>
                      <td><a href=${href(`/admin/facilities/${f.facilityCode}/history`)}
                        aria-label=${t('historyOf', { code: f.facilityCode })}>${t('history')}</a></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
        <${Pager} page=${result.page} size=${result.size} total=${result.total}
          onPage=${(n) => navigate('/admin/facilities', { ...filters, page: n })} />`}
    <//>
  </section>`;
}

function SearchForm({ filters, error }) {
  const t = useT(M);
  const lang = useLang();
  const [values, setValues] = useState(filters);
  const key = JSON.stringify(filters);
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    setValues(filters);
  }
  const set = (name) => (e) => setValues({ ...values, [name]: e.currentTarget.value });
  return html`<form class="grid" role="search" data-testid="facility-search"
    onSubmit=${(e) => {
      e.preventDefault();
      navigate('/admin/facilities', { ...values, q: values.q.trim() });
    }}>
    <${Field} label=${t('prefecture')} name="prefecture" error=${error}>
      ${(props) => html`<select ...${props} value=${values.prefecture} onChange=${set('prefecture')}>
        <option value="">${t('any')}</option>
        ${PREFECTURES.map((p) => html`<option value=${p.code}>${p.code} ${p[lang] || p.ja}</option>`)}
      </select>`}
    <//>
    <${Field} label=${t('type')} name="type" error=${error}>
      ${(props) => html`<select ...${props} value=${values.type} onChange=${set('type')}>
        <option value="">${t('any')}</option>
        ${TYPES.map((type) => html`<option value=${type}>${t(type)}</option>`)}
      </select>`}
    <//>
    <${Field} label=${t('stage')} name="stage" error=${error}>
      ${(props) => html`<select ...${props} value=${values.stage} onChange=${set('stage')}>
        <option value="">${t('any')}</option>
        ${STAGES.map((stage) => html`<option value=${stage}>${t(stage)}</option>`)}
      </select>`}
    <//>
    <${Field} label=${t('q')} name="q" error=${error}>
      ${(props) => html`<input type="search" ...${props} value=${values.q} maxlength="100" onInput=${set('q')} />`}
    <//>
    <div class="field"><button type="submit">${t('search')}</button></div>
  </form>`;
}
