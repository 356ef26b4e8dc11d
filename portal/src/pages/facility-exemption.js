import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatInstant, useLang, useT } from '../i18n.js';
import { Field, Loaded, ProblemMessage, useLoad, useSubmit } from '../ui.js';

export const REASONS = ['VENDOR_OR_CARRIER_DELAY', 'QUOTE_FAR_ABOVE_SUBSIDY_CAP', 'ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT',
  'VERY_FEW_CLAIMS', 'CLOSURE_MOVE_OR_MERGER_PLANNED', 'READER_OUT_OF_STOCK', 'SYSTEM_REPLACEMENT_PLANNED',
  'NO_FIBRE_LINE', 'DIRE_FINANCES', 'HOME_VISIT_ONLY', 'PAPER_CLAIMS'];

export const REASON_LABELS = {
  ja: {
    VENDOR_OR_CARRIER_DELAY: '発注済みだがベンダー・回線事業者の対応が遅れている',
    QUOTE_FAR_ABOVE_SUBSIDY_CAP: '見積額が補助上限を大きく上回る',
    ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT: '医師が高齢で IT の導入が困難',
    VERY_FEW_CLAIMS: 'レセプト件数が極めて少ない',
    CLOSURE_MOVE_OR_MERGER_PLANNED: '閉院・移転・統合の予定',
    READER_OUT_OF_STOCK: '希望するカードリーダーの在庫切れ',
    SYSTEM_REPLACEMENT_PLANNED: 'システム更改の予定',
    NO_FIBRE_LINE: '光回線が利用できない',
    DIRE_FINANCES: '経営上の困難',
    HOME_VISIT_ONLY: '訪問診療のみ',
    PAPER_CLAIMS: '紙レセプト（既に対象外）',
  },
  en: {
    VENDOR_OR_CARRIER_DELAY: 'Vendor or carrier delay despite an order',
    QUOTE_FAR_ABOVE_SUBSIDY_CAP: 'Quotes far above the subsidy cap',
    ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT: 'All doctors elderly, unable to adopt IT',
    VERY_FEW_CLAIMS: 'Very few claims',
    CLOSURE_MOVE_OR_MERGER_PLANNED: 'Closure, move or merger planned',
    READER_OUT_OF_STOCK: 'The wanted reader is out of stock',
    SYSTEM_REPLACEMENT_PLANNED: 'System replacement planned',
    NO_FIBRE_LINE: 'No fibre line available',
    DIRE_FINANCES: 'Dire finances',
    HOME_VISIT_ONLY: 'Home visits only',
    PAPER_CLAIMS: 'Paper claims (already exempt)',
  },
};

const M = {
  ja: {
    ...REASON_LABELS.ja,
    title: '経過措置の申請',
    reason: '理由',
    note: '補足（個人情報は書かないでください）',
    request: '申請する',
    requested: '申請日時',
    status: '状況',
    decisionNote: '審査コメント',
    PENDING: '審査中',
    APPROVED: '承認',
    REJECTED: '却下',
  },
  en: {
    ...REASON_LABELS.en,
    title: 'Exemption request',
    reason: 'Reason',
    note: 'Note (no personal data, please)',
    request: 'Request',
    requested: 'Requested',
    status: 'Status',
    decisionNote: 'Decision note',
    PENDING: 'Pending',
    APPROVED: 'Approved',
    REJECTED: 'Rejected',
  },
};

/** The facility's exemption requests (経過措置) and a form for a new one. */
export function ExemptionRequest({ api, facility }) {
  const t = useT(M);
  const lang = useLang();
  const base = `/facilities/${encodeURIComponent(facility.facilityCode)}/exemption-requests`;
  const listing = useLoad(() => api.get(base), [base]);
  const [v, setV] = useState({ reason: REASONS[0], note: '' });
  const request = useSubmit(async () => {
    const made = await api.post(base, { reason: v.reason, note: v.note || null });
    listing.reload();
    return made;
  });
  return html`<section class="card" aria-labelledby="exemption-title">
    <h2 id="exemption-title">${t('title')}</h2>
    <${Loaded} state=${listing}>
      ${(l) =>
        l.requests.length
          ? html`<div class="table-wrap"><table data-testid="exemption-requests">
              <thead><tr><th>${t('requested')}</th><th>${t('reason')}</th><th>${t('status')}</th>
                <th>${t('decisionNote')}</th></tr></thead>
              <tbody>${l.requests.map(
                (r) => html`<tr><td>${formatInstant(r.requestedAt, lang)}</td><td>${t(r.reason)}</td>
                  <td>${t(r.status)}</td><td>${r.decisionNote || ''}</td></tr>`,
              )}</tbody></table></div>`
          : null}
    <//>
    <form onSubmit=${request.submit} class="fields" novalidate data-testid="exemption-form">
      <${Field} label=${t('reason')} name="reason" error=${request.error}>
        ${(a) => html`<select ...${a} value=${v.reason} onChange=${(e) => setV({ ...v, reason: e.currentTarget.value })}>
          ${REASONS.map((r) => html`<option value=${r}>${t(r)}</option>`)}
        </select>`}
      <//>
      <${Field} label=${t('note')} name="note" error=${request.error}>
        ${(a) => html`<textarea ...${a} maxlength="2000" rows="2" value=${v.note}
          onInput=${(e) => setV({ ...v, note: e.currentTarget.value })}></textarea>`}
      <//>
      <div><button type="submit" disabled=${request.busy}>${t('request')}</button></div>
    </form>
    <${ProblemMessage} error=${request.error} />
  </section>`;
}
