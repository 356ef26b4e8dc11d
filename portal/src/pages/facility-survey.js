import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useT } from '../i18n.js';
import { Field, ProblemMessage, useSubmit } from '../ui.js';

const DONE = ['NOTHING_YET', 'EXEMPT_PAPER_CLAIMS', 'QUOTE_OBTAINED', 'READER_APPLIED', 'VENDOR_CONTRACTED',
  'INSTALLATION_COMPLETE', 'LIVE'];
const EXPECTED = ['ALREADY_LIVE', 'IN_TIME_FOR_APRIL_2023', 'NOT_IN_TIME', 'EXEMPT'];
const OBSTACLES = ['READER_OUT_OF_STOCK', 'NO_VENDOR_FOUND', 'READER_NOT_DELIVERED', 'NO_FIBRE', 'CARRIER_WORK_LATE',
  'VENDOR_WORK_LATE', 'FEW_CLAIMS', 'IT_TOO_HARD', 'CLOSING', 'VENDOR_DEMANDS_NEW_RECEIPT_COMPUTER',
  'QUOTE_ABOVE_SUBSIDY'];

const M = {
  ja: {
    title: '導入状況アンケート',
    doneSteps: 'これまでに行ったこと',
    expectedGoLive: '運用開始の見込み',
    obstacles: '課題',
    initialCostQuote: '初期費用の見積額（円）',
    monthlyCostQuote: '月額費用の見積額（円）',
    thanks: '回答を受け付けました。',
    NOTHING_YET: 'まだ何もしていない', EXEMPT_PAPER_CLAIMS: '紙レセプトのため対象外', QUOTE_OBTAINED: '見積を取得',
    READER_APPLIED: 'カードリーダーを申込', VENDOR_CONTRACTED: 'ベンダーと契約', INSTALLATION_COMPLETE: '導入作業完了',
    LIVE: '運用開始済み', ALREADY_LIVE: '運用開始済み', IN_TIME_FOR_APRIL_2023: '2023年4月までに間に合う',
    NOT_IN_TIME: '間に合わない', EXEMPT: '対象外',
    READER_OUT_OF_STOCK: 'カードリーダーの在庫切れ', NO_VENDOR_FOUND: 'ベンダーが見つからない',
    READER_NOT_DELIVERED: 'カードリーダーが届かない', NO_FIBRE: '光回線がない', CARRIER_WORK_LATE: '回線工事の遅れ',
    VENDOR_WORK_LATE: 'ベンダー作業の遅れ', FEW_CLAIMS: 'レセプト件数が少ない', IT_TOO_HARD: 'IT の対応が難しい',
    CLOSING: '閉院予定', VENDOR_DEMANDS_NEW_RECEIPT_COMPUTER: 'レセコンの買い替えを求められた',
    QUOTE_ABOVE_SUBSIDY: '見積が補助額を上回る',
  },
  en: {
    title: 'Adoption survey',
    doneSteps: 'What has been done',
    expectedGoLive: 'Expected go-live',
    obstacles: 'Obstacles',
    initialCostQuote: 'Initial cost quoted (yen)',
    monthlyCostQuote: 'Monthly cost quoted (yen)',
    thanks: 'Thank you: your answers are recorded.',
    NOTHING_YET: 'Nothing yet', EXEMPT_PAPER_CLAIMS: 'Exempt (paper claims)', QUOTE_OBTAINED: 'Quote obtained',
    READER_APPLIED: 'Reader applied for', VENDOR_CONTRACTED: 'Vendor contracted',
    INSTALLATION_COMPLETE: 'Installation complete', LIVE: 'Live', ALREADY_LIVE: 'Already live',
    IN_TIME_FOR_APRIL_2023: 'In time for April 2023', NOT_IN_TIME: 'Not in time', EXEMPT: 'Exempt',
    READER_OUT_OF_STOCK: 'Reader out of stock', NO_VENDOR_FOUND: 'No vendor found',
    READER_NOT_DELIVERED: 'Reader not delivered', NO_FIBRE: 'No fibre line', CARRIER_WORK_LATE: 'Carrier work late',
    VENDOR_WORK_LATE: 'Vendor work late', FEW_CLAIMS: 'Few claims', IT_TOO_HARD: 'IT too hard', CLOSING: 'Closing',
    VENDOR_DEMANDS_NEW_RECEIPT_COMPUTER: 'Vendor demands a new receipt computer',
    QUOTE_ABOVE_SUBSIDY: 'Quote above the subsidy',
  },
};

function Choices({ legend, options, chosen, onToggle, name, error }) {
  const t = useT(M);
  const message = error?.fieldMessage?.(name);
  return html`<fieldset class=${message ? 'invalid' : ''}>
    <legend>${legend}</legend>
    ${options.map(
      (o) => html`<label><input type="checkbox" name=${name} value=${o} checked=${chosen.includes(o)}
        onChange=${() => onToggle(o)} /> ${t(o)}</label>`,
    )}
    ${message ? html`<div class="field-error" data-field=${name}>${message}</div>` : null}
  </fieldset>`;
}

/** The survey (DOMAIN.md §9): what the facility has done, when it expects to go live, its obstacles and quotes. */
export function SurveyForm({ api, facility }) {
  const t = useT(M);
  const [v, setV] = useState({ doneSteps: [], expectedGoLive: 'IN_TIME_FOR_APRIL_2023', obstacles: [],
    initialCostQuote: '', monthlyCostQuote: '' });
  const toggle = (name) => (option) =>
    setV({ ...v, [name]: v[name].includes(option) ? v[name].filter((o) => o !== option) : [...v[name], option] });
  const number = (s) => (s === '' ? null : Number(s));
  const answer = useSubmit(() =>
    api.post(`/facilities/${encodeURIComponent(facility.facilityCode)}/survey-responses`, {
      ...v, initialCostQuote: number(v.initialCostQuote), monthlyCostQuote: number(v.monthlyCostQuote),
    }),
  );
  return html`<section class="card" aria-labelledby="survey-title">
    <h2 id="survey-title">${t('title')}</h2>
    <form onSubmit=${answer.submit} novalidate data-testid="survey-form">
      <div class="fields choices">
        <${Choices} legend=${t('doneSteps')} name="doneSteps" options=${DONE} chosen=${v.doneSteps}
          onToggle=${toggle('doneSteps')} error=${answer.error} />
        <${Choices} legend=${t('obstacles')} name="obstacles" options=${OBSTACLES} chosen=${v.obstacles}
          onToggle=${toggle('obstacles')} error=${answer.error} />
      </div>
      <div class="fields">
        <${Field} label=${t('expectedGoLive')} name="expectedGoLive" error=${answer.error}>
          ${(a) => html`<select ...${a} value=${v.expectedGoLive}
            onChange=${(e) => setV({ ...v, expectedGoLive: e.currentTarget.value })}>
            ${EXPECTED.map((o) => html`<option value=${o}>${t(o)}</option>`)}
          </select>`}
        <//>
        ${['initialCostQuote', 'monthlyCostQuote'].map(
          (name) => html`<${Field} label=${t(name)} name=${name} error=${answer.error}>
            ${(a) => html`<input ...${a} type="number" min="0" step="1" inputmode="numeric" value=${v[name]}
              onInput=${(e) => setV({ ...v, [name]: e.currentTarget.value })} />`}
          <//>`,
        )}
        <div><button type="submit" disabled=${answer.busy}>${t('submit')}</button></div>
      </div>
    </form>
    <${ProblemMessage} error=${answer.error} />
    ${answer.done ? html`<p class="notice" role="status">${t('thanks')}</p>` : null}
  </section>`;
}
