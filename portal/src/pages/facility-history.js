import { html } from '../html.js';
import { formatInstant, useLang, useT } from '../i18n.js';
import { Loaded, useLoad } from '../ui.js';
import { prefectureName, withLabels } from './admin-labels.js';

const M = withLabels({
  ja: {
    history: '変更履歴',
    changedAt: '日時',
    change: '変更',
    what: '内容',
    by: '実施者',
    RECORDED: '履歴開始時の状態',
    IMPORT: 'マスタ取込',
    ACCOUNT_REGISTERED: 'アカウント登録',
    READERS_APPLIED: '読取端末申込',
    READY: '準備完了',
    GO_LIVE: '運用開始日',
    EMERGENCY_TERMINAL: '救急用端末',
    type: '種別',
    prefecture: '都道府県',
    name: '名称',
    accountRegisteredOn: 'アカウント登録日',
    readerAppliedOn: '読取端末申込日',
    readersApplied: '読取端末台数',
    readyOn: '準備完了日',
    goLiveOn: '運用開始日',
    emergencyTerminal: '救急用端末',
    yes: 'あり',
    no: 'なし',
    unknown: '—',
    noChange: '（変更なし）',
  },
  en: {
    history: 'History',
    changedAt: 'When',
    change: 'Change',
    what: 'What changed',
    by: 'By',
    RECORDED: 'State when the history began',
    IMPORT: 'Master import',
    ACCOUNT_REGISTERED: 'Account registered',
    READERS_APPLIED: 'Readers applied for',
    READY: 'Ready',
    GO_LIVE: 'Go-live date',
    EMERGENCY_TERMINAL: 'Emergency terminal',
    type: 'Type',
    prefecture: 'Prefecture',
    name: 'Name',
    accountRegisteredOn: 'Account registered on',
    readerAppliedOn: 'Reader applied on',
    readersApplied: 'Readers',
    readyOn: 'Ready on',
    goLiveOn: 'Go-live on',
    emergencyTerminal: 'Emergency terminal',
    yes: 'yes',
    no: 'no',
    unknown: '—',
    noChange: '(no change)',
  },
});

function value(field, state, t, lang) {
  const v = state[field];
  if (field === 'emergencyTerminal') return v ? t('yes') : t('no');
  if (v === null || v === undefined) return t('unknown');
  if (field === 'type') return t(v);
  if (field === 'prefecture') return prefectureName(v, lang);
  return String(v);
}

/**
 * A facility's history (GET /api/v1/facilities/{code}/history): every change, newest first, with what it changed and
 * who did it. For FacilityPage (portal administrators and the facility's own administrator).
 */
export function FacilityHistory({ api, code }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get(`/facilities/${encodeURIComponent(code)}/history`), [code]);
  return html`<section class="facility-history" aria-labelledby="facility-history-title">
    <h2 id="facility-history-title">${t('history')}</h2>
    <${Loaded} state=${state}>
      ${(history) =>
        history.changes.length === 0
          ? html`<p>${t('none')}</p>`
          : html`<div class="table-wrap">
              <table data-testid="facility-history">
                <thead>
                  <tr>
                    <th scope="col">${t('changedAt')}</th>
                    <th scope="col">${t('change')}</th>
                    <th scope="col">${t('what')}</th>
                    <th scope="col">${t('by')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${[...history.changes].reverse().map(
                    (c) => html`<tr data-change=${c.change}>
                      <td>${formatInstant(c.changedAt, lang)}</td>
                      <td>${t(c.change)}</td>
                      <td>
                        ${c.changed.length === 0
                          ? t('noChange')
                          : html`<ul class="changes">
                              ${c.changed.map(
                                (field) => html`<li data-field=${field}>${t(field)}: ${value(field, c.state, t, lang)}</li>`,
                              )}
                            </ul>`}
                      </td>
                      <td title=${c.changedBy || undefined}>${c.changedByName || c.changedBy || t('unknown')}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
    <//>
  </section>`;
}
