import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatInstant, useLang, useT } from '../i18n.js';
import { href, navigate } from '../router.js';
import { Field, Loaded, Pager, ProblemMessage, useLoad } from '../ui.js';

const M = {
  ja: {
    title: '経過措置の審査',
    pending: '審査待ちの申請',
    facility: '施設',
    reason: '理由',
    note: '施設のコメント',
    requestedAt: '申請日時',
    decisionNote: '審査コメント',
    approve: '承認',
    reject: '却下',
    decided: '{code} の申請を{decision}しました。',
    APPROVED: '承認',
    REJECTED: '却下',
    nonePending: '審査待ちの申請はありません。',
    VENDOR_OR_CARRIER_DELAY: 'ベンダー・回線業者の遅延（発注済み）',
    QUOTE_FAR_ABOVE_SUBSIDY_CAP: '見積が補助上限を大きく超える',
    ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT: '医師が高齢で IT 導入が困難',
    VERY_FEW_CLAIMS: 'レセプト件数が極めて少ない',
    CLOSURE_MOVE_OR_MERGER_PLANNED: '廃止・移転・統合の予定',
    READER_OUT_OF_STOCK: '希望する読取端末の在庫切れ',
    SYSTEM_REPLACEMENT_PLANNED: 'システム更改の予定',
    NO_FIBRE_LINE: '光回線が利用できない',
    DIRE_FINANCES: '経営上の困難',
    HOME_VISIT_ONLY: '訪問診療のみ',
    PAPER_CLAIMS: '紙レセプト',
  },
  en: {
    title: 'Exemption requests',
    pending: 'Requests awaiting a decision',
    facility: 'Facility',
    reason: 'Reason',
    note: 'Facility’s note',
    requestedAt: 'Requested',
    decisionNote: 'Note on the decision',
    approve: 'Approve',
    reject: 'Reject',
    decided: 'The request of {code}: {decision}.',
    APPROVED: 'approved',
    REJECTED: 'rejected',
    nonePending: 'No request awaits a decision.',
    VENDOR_OR_CARRIER_DELAY: 'Vendor or carrier delay despite an order',
    QUOTE_FAR_ABOVE_SUBSIDY_CAP: 'Quotes far above the subsidy cap',
    ELDERLY_DOCTORS_UNABLE_TO_ADOPT_IT: 'All doctors elderly, unable to adopt IT',
    VERY_FEW_CLAIMS: 'Very few claims',
    CLOSURE_MOVE_OR_MERGER_PLANNED: 'Closure, move or merger planned',
    READER_OUT_OF_STOCK: 'Wanted reader out of stock',
    SYSTEM_REPLACEMENT_PLANNED: 'System replacement planned',
    NO_FIBRE_LINE: 'No fibre line available',
    DIRE_FINANCES: 'Dire finances',
    HOME_VISIT_ONLY: 'Home-visit-only practice',
    PAPER_CLAIMS: 'Paper claims',
  },
};

const SIZE = 20;

/** Pending exemption requests (DOMAIN.md §9), oldest first, each approved or rejected with a note. */
export function ExemptionsPage({ api, query }) {
  const t = useT(M);
  const page = Math.max(0, Number.parseInt(query.page || '0', 10) || 0);
  const state = useLoad(() => api.get('/facilities/exemption-requests', { status: 'PENDING', page, size: SIZE }), [page]);
  const [done, setDone] = useState(null);
  return html`<section>
    <h1>${t('title')}</h1>
    ${done ? html`<p class="notice" role="status" data-testid="decided">${t('decided', { code: done.facilityCode, decision: t(done.status) })}</p>` : null}
    <h2>${t('pending')}</h2>
    <${Loaded} state=${state}>
      ${(result) =>
        result.requests.length === 0
          ? html`<p data-testid="none-pending">${t('nonePending')}</p>`
          : html`<ul class="requests" data-testid="exemption-requests">
                ${result.requests.map(
                  (r) => html`<li key=${r.id}>
                    <${Request} api=${api} request=${r} onDecided=${(view) => {
                      setDone(view);
                      state.reload();
                    }} />
                  </li>`,
                )}
              </ul>
              <${Pager} page=${result.page} size=${result.size} total=${result.total}
                onPage=${(n) => navigate('/admin/exemptions', { page: n })} />`}
    <//>
  </section>`;
}

function Request({ api, request, onDecided }) {
  const t = useT(M);
  const lang = useLang();
  const [note, setNote] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const id = `r-${request.id}`;

  async function decide(decision) {
    setBusy(true);
    setError(null);
    try {
      const view = await api.post(
        `/facilities/${encodeURIComponent(request.facilityCode)}/exemption-requests/${encodeURIComponent(request.id)}/decision`,
        { decision, note: note.trim() || undefined },
      );
      onDecided(view);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const noteMessage = error?.fieldMessage?.('note');
  const decisionMessage = error?.fieldMessage?.('decision');
  return html`<article class="card request" data-id=${request.id} data-facility=${request.facilityCode}
      aria-labelledby=${`${id}-title`}>
    <h3 id=${`${id}-title`}><a href=${href(`/facility/${request.facilityCode}`)}>${request.facilityCode}</a> — ${t(request.reason)}</h3>
    <dl class="pairs">
      <dt>${t('requestedAt')}</dt><dd>${formatInstant(request.requestedAt, lang)}</dd>
      ${request.note ? html`<dt>${t('note')}</dt><dd>${request.note}</dd>` : null}
    </dl>
    <form onSubmit=${(e) => e.preventDefault()}>
      <div class=${`field${noteMessage ? ' invalid' : ''}`}>
        <label for=${`${id}-note`}>${t('decisionNote')}</label>
        <textarea id=${`${id}-note`} name="note" rows="2" maxlength="2000" value=${note}
          aria-invalid=${noteMessage ? 'true' : undefined}
          aria-describedby=${noteMessage ? `${id}-note-error` : undefined}
          onInput=${(e) => setNote(e.currentTarget.value)}></textarea>
        ${noteMessage ? html`<div class="field-error" id=${`${id}-note-error`} data-field="note">${noteMessage}</div>` : null}
      </div>
      <div class="actions">
        <button type="button" disabled=${busy} onClick=${() => decide('APPROVED')}>${t('approve')}</button>
        <button type="button" class="secondary" disabled=${busy} onClick=${() => decide('REJECTED')}>${t('reject')}</button>
      </div>
      ${decisionMessage ? html`<div class="field-error" data-field="decision">${decisionMessage}</div>` : null}
      ${error && !noteMessage && !decisionMessage ? html`<${ProblemMessage} error=${error} />` : null}
    </form>
  </article>`;
}
