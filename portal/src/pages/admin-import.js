import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatNumber, useLang, useT } from '../i18n.js';
import { Field, ProblemMessage } from '../ui.js';

const M = {
  ja: {
    title: '施設マスタの取込',
    file: 'CSV ファイル（UTF-8）',
    hint: '1 行目は見出し行: {header}。医療機関等コードで追加・更新します。',
    upload: '取り込む',
    uploading: '取込中…',
    chooseFile: 'ファイルを選んでください。',
    result: '取込結果（{file}）',
    imported: '取込',
    rejected: 'エラー',
    changed: '変更された施設',
    errors: 'エラーの行',
    line: '行',
    code: 'コード',
    message: '内容',
    truncated: 'エラーは先頭の {shown} 件のみ表示しています（全 {total} 件）。',
    noErrors: 'エラーの行はありません。',
  },
  en: {
    title: 'Facility master import',
    file: 'CSV file (UTF-8)',
    hint: 'Line 1 is the header: {header}. Facilities are added or updated by facility code.',
    upload: 'Import',
    uploading: 'Importing…',
    chooseFile: 'Please choose a file.',
    result: 'Result ({file})',
    imported: 'Imported',
    rejected: 'Rejected',
    changed: 'Facilities changed',
    errors: 'Rejected lines',
    line: 'Line',
    code: 'Code',
    message: 'Message',
    truncated: 'Only the first {shown} rejected lines are listed ({total} in all).',
    noErrors: 'No line was rejected.',
  },
};

const HEADER = 'facilityCode,type,prefecture,name,accountRegisteredOn,readerAppliedOn,readersApplied,readyOn,goLiveOn';

/** Uploads the facility master as CSV and shows the per-line report of the import. */
export function ImportPage({ api }) {
  const t = useT(M);
  const lang = useLang();
  const [file, setFile] = useState(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const [error, setError] = useState(null);
  const [missing, setMissing] = useState(false);

  async function upload(e) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await api.post('/facilities/imports', file, { contentType: 'text/csv; charset=UTF-8' });
      setOutcome({ file: file.name, result });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const bodyMessage = error?.fieldMessage?.('body');
  return html`<section>
    <h1>${t('title')}</h1>
    <form class="card import-form" onSubmit=${upload} data-testid="import-form">
      <${Field} label=${t('file')} name="file" error=${error} hint=${t('hint', { header: HEADER })}>
        ${(props) => html`<input type="file" ...${props} accept=".csv,text/csv"
          aria-invalid=${missing || bodyMessage ? 'true' : undefined}
          aria-describedby=${missing || bodyMessage ? 'import-file-error' : undefined}
          onChange=${(ev) => {
            setFile(ev.currentTarget.files[0] || null);
            setMissing(false);
          }} />`}
      <//>
      ${missing || bodyMessage
        ? html`<div class="field-error" id="import-file-error" data-field="body">${missing ? t('chooseFile') : bodyMessage}</div>`
        : null}
      <div><button type="submit" disabled=${busy} aria-busy=${busy ? 'true' : undefined}>${busy ? t('uploading') : t('upload')}</button></div>
    </form>
    ${error ? html`<${ProblemMessage} error=${error} />` : null}
    ${outcome ? html`<${ImportReport} outcome=${outcome} lang=${lang} />` : null}
  </section>`;
}

function ImportReport({ outcome, lang }) {
  const t = useT(M);
  const r = outcome.result;
  return html`<section class="card" aria-labelledby="import-result" data-testid="import-report">
    <h2 id="import-result">${t('result', { file: outcome.file })}</h2>
    <dl class="figures">
      <div><dt>${t('imported')}</dt><dd data-testid="imported">${formatNumber(r.imported, lang)}</dd></div>
      <div><dt>${t('rejected')}</dt><dd data-testid="rejected" class=${r.rejected ? 'bad' : undefined}>${formatNumber(r.rejected, lang)}</dd></div>
      <div><dt>${t('changed')}</dt><dd data-testid="changed">${formatNumber(r.changed, lang)}</dd></div>
    </dl>
    ${r.errors.length === 0
      ? html`<p>${t('noErrors')}</p>`
      : html`<h3>${t('errors')}</h3>
          <div class="table-wrap">
            <table data-testid="import-errors">
              <thead>
                <tr><th scope="col" class="num">${t('line')}</th><th scope="col">${t('code')}</th><th scope="col">${t('message')}</th></tr>
              </thead>
              <tbody>
                ${r.errors.map(
                  (e) => html`<tr data-line=${e.line}>
                    <td class="num">${formatNumber(e.line, lang)}</td>
                    <td><code>${e.code}</code></td>
                    <td>${e.message}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    ${r.errorsTruncated ? html`<p class="hint">${t('truncated', { shown: formatNumber(r.errors.length, lang), total: formatNumber(r.rejected, lang) })}</p>` : null}
  </section>`;
}
