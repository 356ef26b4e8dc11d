import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatNumber, useLang, useT } from '../i18n.js';
import { Field, ProblemMessage, todayInJapan, useSubmit } from '../ui.js';

const M = {
  ja: {
    title: '補助金の見込み額',
    projectCost: '事業費（円）',
    readers: 'カードリーダー台数',
    largeChain: '大規模チェーン薬局',
    asOf: '基準日',
    estimate: '試算する',
    rule: '適用される基準',
    readerSubsidy: 'カードリーダー分',
    setUpSubsidy: 'システム整備分',
    total: '合計',
    readersFree: 'カードリーダーは無償提供',
    yen: '{amount} 円',
  },
  en: {
    title: 'Subsidy estimate',
    projectCost: 'Project cost (yen)',
    readers: 'Card readers',
    largeChain: 'Large pharmacy chain',
    asOf: 'As of',
    estimate: 'Estimate',
    rule: 'Rule in force',
    readerSubsidy: 'Card readers',
    setUpSubsidy: 'System set-up',
    total: 'Total',
    readersFree: 'Card readers are provided free',
    yen: '¥{amount}',
  },
};

/** The subsidy the facility may expect for a project cost, under the rule in force on a date (DOMAIN.md §9). */
export function SubsidyEstimate({ api, facility }) {
  const t = useT(M);
  const lang = useLang();
  const [values, setValues] = useState({ projectCost: '', readers: '1', largeChain: false, asOf: todayInJapan() });
  const estimate = useSubmit(() =>
    api.get(`/facilities/${encodeURIComponent(facility.facilityCode)}/subsidy-estimate`, {
      projectCost: values.projectCost,
      readers: values.readers,
      largeChain: values.largeChain,
      asOf: values.asOf,
    }),
  );
  const set = (name) => (e) => setValues({ ...values, [name]: e.currentTarget.value });
  const yen = (amount) => t('yen', { amount: formatNumber(amount, lang) });
  const result = estimate.done;
  return html`<section class="card" aria-labelledby="subsidy-title">
    <h2 id="subsidy-title">${t('title')}</h2>
    <form onSubmit=${estimate.submit} class="fields" novalidate data-testid="subsidy-form">
      <${Field} label=${t('projectCost')} name="projectCost" error=${estimate.error}>
        ${(a) => html`<input ...${a} type="number" min="0" step="1" inputmode="numeric" required
          value=${values.projectCost} onInput=${set('projectCost')} />`}
      <//>
      ${facility.type === 'HOSPITAL'
        ? html`<${Field} label=${t('readers')} name="readers" error=${estimate.error}>
            ${(a) => html`<select ...${a} value=${values.readers} onChange=${set('readers')}>
              ${['1', '2', '3'].map((n) => html`<option value=${n}>${n}</option>`)}
            </select>`}
          <//>`
        : null}
      ${facility.type === 'PHARMACY'
        ? html`<div class="field"><label>
            <input type="checkbox" checked=${values.largeChain}
              onChange=${(e) => setValues({ ...values, largeChain: e.currentTarget.checked })} /> ${t('largeChain')}
          </label></div>`
        : null}
      <${Field} label=${t('asOf')} name="asOf" error=${estimate.error}>
        ${(a) => html`<input ...${a} type="date" value=${values.asOf} onInput=${set('asOf')} />`}
      <//>
      <div><button type="submit" disabled=${estimate.busy}>${t('estimate')}</button></div>
    </form>
    <${ProblemMessage} error=${estimate.error} />
    ${result
      ? html`<dl class="amounts" data-testid="subsidy-result">
          <dt>${t('rule')}</dt><dd>${result.rule?.name}</dd>
          <dt>${t('readerSubsidy')}</dt><dd>${result.readersFree ? t('readersFree') : yen(result.readerSubsidy)}</dd>
          <dt>${t('setUpSubsidy')}</dt><dd>${yen(result.setUpSubsidy)}</dd>
          <dt><strong>${t('total')}</strong></dt><dd data-testid="subsidy-total"><strong>${yen(result.total)}</strong></dd>
        </dl>`
      : null}
  </section>`;
}
