import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatInstant, formatNumber, useLang, useT } from '../i18n.js';
import { Loaded, Pager, useLoad } from '../ui.js';
import { ItemTrend } from './me-chart.js';

const ITEMS = ['weightKg', 'bmi', 'waistCm', 'systolic', 'diastolic', 'triglycerides', 'hdl', 'ldl', 'fastingGlucose',
  'hba1c', 'ast', 'alt', 'ggt', 'hemoglobin', 'egfr'];

const M = {
  ja: {
    title: '私の記録',
    medications: 'お薬の記録',
    checkups: '健診の記録',
    accessLog: '私の記録を見た医療機関',
    dispensedOn: '調剤日', drug: '薬', quantity: '量', days: '日数', dispensedAt: '調剤した薬局等', prescribedAt: '処方した医療機関',
    examinedOn: '受診日', metabolic: 'メタボリックシンドローム判定', item: '項目', value: '値',
    MEETS_CRITERIA: '基準該当', PRE_METABOLIC: '予備群該当', NOT_APPLICABLE: '非該当',
    accessedAt: '日時', facility: '医療機関等', kind: '見た記録', basis: '根拠', profession: '職種',
    MEDICATION: 'お薬', CHECKUP: '健診', LOOKUP: '本人確認（救急・災害）',
    CONSENT: 'ご本人の同意', EMERGENCY: '救急時', DISASTER: '災害時',
    DOCTOR: '医師', DENTIST: '歯科医師', PHARMACIST: '薬剤師',
    heightCm: '身長', weightKg: '体重', bmi: 'BMI', waistCm: '腹囲', systolic: '収縮期血圧', diastolic: '拡張期血圧',
    triglycerides: '中性脂肪', hdl: 'HDL コレステロール', ldl: 'LDL コレステロール', fastingGlucose: '空腹時血糖',
    hba1c: 'HbA1c', ast: 'AST', alt: 'ALT', ggt: 'γ-GT', urineGlucose: '尿糖', urineProtein: '尿蛋白',
    hemoglobin: '血色素量', egfr: 'eGFR',
    unknownFacility: '（名称未登録）',
  },
  en: {
    title: 'My records',
    medications: 'Medication',
    checkups: 'Checkups',
    accessLog: 'Who viewed my records',
    dispensedOn: 'Dispensed', drug: 'Drug', quantity: 'Quantity', days: 'Days', dispensedAt: 'Dispensed at', prescribedAt: 'Prescribed at',
    examinedOn: 'Examined', metabolic: 'Metabolic syndrome', item: 'Item', value: 'Value',
    MEETS_CRITERIA: 'Meets the criteria', PRE_METABOLIC: 'Pre-metabolic', NOT_APPLICABLE: 'Not applicable',
    accessedAt: 'When', facility: 'Facility', kind: 'Records', basis: 'Basis', profession: 'Profession',
    MEDICATION: 'Medication', CHECKUP: 'Checkups', LOOKUP: 'Identification (emergency or disaster)',
    CONSENT: 'My consent', EMERGENCY: 'Emergency', DISASTER: 'Disaster',
    DOCTOR: 'Doctor', DENTIST: 'Dentist', PHARMACIST: 'Pharmacist',
    heightCm: 'Height', weightKg: 'Weight', bmi: 'BMI', waistCm: 'Waist', systolic: 'Systolic blood pressure',
    diastolic: 'Diastolic blood pressure', triglycerides: 'Triglycerides', hdl: 'HDL cholesterol', ldl: 'LDL cholesterol',
    fastingGlucose: 'Fasting glucose', hba1c: 'HbA1c', ast: 'AST', alt: 'ALT', ggt: 'γ-GT', urineGlucose: 'Urine glucose',
    urineProtein: 'Urine protein', hemoglobin: 'Haemoglobin', egfr: 'eGFR',
    unknownFacility: '(name not yet known)',
  },
};

function facilityName(t, name, code) {
  return html`${name || t('unknownFacility')} <small class="hint">${code}</small>`;
}

function Medications({ api }) {
  const t = useT(M);
  const state = useLoad(() => api.get('/me/medications'), []);
  return html`<section class="card" aria-labelledby="med-title">
    <h2 id="med-title">${t('medications')}</h2>
    <${Loaded} state=${state}>
      ${(v) =>
        v.dispensings.length
          ? html`<div class="table-wrap"><table data-testid="my-medications">
              <thead><tr><th>${t('dispensedOn')}</th><th>${t('drug')}</th><th class="num">${t('quantity')}</th>
                <th class="num">${t('days')}</th><th>${t('dispensedAt')}</th><th>${t('prescribedAt')}</th></tr></thead>
              <tbody>${v.dispensings.map(
                (d) => html`<tr><td>${d.dispensedOn}</td><td>${d.drugName}</td>
                  <td class="num">${d.quantity} ${d.unit}</td><td class="num">${d.days}</td>
                  <td>${facilityName(t, d.dispensingFacilityName, d.dispensingFacilityCode)}</td>
                  <td>${facilityName(t, d.prescribingFacilityName, d.prescribingFacilityCode)}</td></tr>`,
              )}</tbody></table></div>`
          : html`<p>${t('none')}</p>`}
    <//>
  </section>`;
}

function Checkups({ api }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get('/me/checkups'), []);
  const [item, setItem] = useState('hba1c');
  return html`<section class="card" aria-labelledby="checkup-title">
    <h2 id="checkup-title">${t('checkups')}</h2>
    <${Loaded} state=${state}>
      ${(v) => {
        if (!v.checkups.length) return html`<p>${t('none')}</p>`;
        const oldestFirst = [...v.checkups].sort((a, b) => a.examinedOn.localeCompare(b.examinedOn));
        const points = oldestFirst
          .filter((c) => typeof c.items[item]?.value === 'number' || typeof c.items[item]?.value === 'string')
          .map((c) => ({ examinedOn: c.examinedOn, value: Number(c.items[item].value) }))
          .filter((p) => !Number.isNaN(p.value));
        const unit = oldestFirst.map((c) => c.items[item]?.unit).find(Boolean);
        return html`<div class="table-wrap"><table data-testid="my-checkups">
            <thead><tr><th>${t('examinedOn')}</th><th>${t('metabolic')}</th>
              ${ITEMS.slice(0, 6).map((i) => html`<th class="num">${t(i)}</th>`)}</tr></thead>
            <tbody>${v.checkups.map(
              (c) => html`<tr><td>${c.examinedOn}</td>
                <td data-testid="metabolic">${t(c.metabolicSyndrome)}</td>
                ${ITEMS.slice(0, 6).map(
                  (i) => html`<td class="num">${c.items[i] ? `${c.items[i].value} ${c.items[i].unit || ''}` : '—'}</td>`,
                )}</tr>`,
            )}</tbody></table></div>
          <div class="field narrow">
            <label for="trend-item">${t('item')}</label>
            <select id="trend-item" value=${item} onChange=${(e) => setItem(e.currentTarget.value)}>
              ${ITEMS.map((i) => html`<option value=${i}>${t(i)}</option>`)}
            </select>
          </div>
          <div class="side-by-side">
            <${ItemTrend} label=${`${t(item)}${unit ? ` (${unit})` : ''}`} points=${points} />
            <table><thead><tr><th>${t('examinedOn')}</th><th class="num">${t('value')}</th></tr></thead>
              <tbody>${points.map((p) => html`<tr><td>${p.examinedOn}</td>
                <td class="num">${formatNumber(p.value, lang)}</td></tr>`)}</tbody></table>
          </div>`;
      }}
    <//>
  </section>`;
}

function AccessLog({ api }) {
  const t = useT(M);
  const lang = useLang();
  const [page, setPage] = useState(0);
  const size = 20;
  const state = useLoad(() => api.get('/me/access-log', { page, size }), [page]);
  return html`<section class="card" aria-labelledby="log-title">
    <h2 id="log-title">${t('accessLog')}</h2>
    <${Loaded} state=${state}>
      ${(p) =>
        p.items.length
          ? html`<div class="table-wrap"><table data-testid="my-access-log">
                <thead><tr><th>${t('accessedAt')}</th><th>${t('facility')}</th><th>${t('kind')}</th>
                  <th>${t('basis')}</th><th>${t('profession')}</th></tr></thead>
                <tbody>${p.items.map(
                  (a) => html`<tr data-basis=${a.basis} data-kind=${a.kind}>
                    <td>${formatInstant(a.accessedAt, lang)}</td>
                    <td>${facilityName(t, a.facilityName, a.facilityCode)}</td>
                    <td>${t(a.kind)}</td><td>${t(a.basis)}</td><td>${a.profession ? t(a.profession) : ''}</td></tr>`,
                )}</tbody></table></div>
              <${Pager} page=${p.page} size=${p.size} total=${p.total} onPage=${setPage} />`
          : html`<p>${t('none')}</p>`}
    <//>
  </section>`;
}

/** The patient's own medication (with facility names), checkups (judgement and items over time), and access log. */
export function MyRecordsPage({ api }) {
  const t = useT(M);
  return html`<h1>${t('title')}</h1>
    <${AccessLog} api=${api} />
    <${Medications} api=${api} />
    <${Checkups} api=${api} />`;
}
