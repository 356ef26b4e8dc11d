import { useMemo, useState } from 'preact/hooks';
import { html } from '../html.js';
import { formatNumber, useLang, useT } from '../i18n.js';
import { navigate } from '../router.js';
import { Field, Loaded, ProblemMessage, useLoad } from '../ui.js';
import { fiveBands } from '../charts/bands.js';
import { ChartCanvas, barChart } from '../charts/chart.js';
import { PrefectureMap } from '../charts/prefecture-map.js';
import { TYPES, addDays, prefectureName, todayInJapan, withLabels } from './admin-labels.js';

const M = withLabels({
  ja: {
    title: '統計',
    asOf: '基準日',
    show: '表示',
    adoption: '導入状況（{asOf} 時点）',
    type: '種別',
    facilities: '施設数',
    readerApplied: '読取端末申込',
    ready: '準備完了',
    live: '運用開始',
    rate: '割合',
    readerAppliedRate: '読取端末申込率',
    readyRate: '準備完了率',
    liveRate: '運用開始率',
    adoptionChart: '種別ごとの割合（%）',
    prefectures: '都道府県別（{asOf} 時点）',
    mapType: '施設種別',
    allTypes: 'すべての種別',
    mapRate: '色分けする割合',
    prefecture: '都道府県',
    legend: '凡例（都道府県数）',
    bandTop: '{from} % 以上',
    band: '{from}〜{to} %',
    bandBottom: '{to} % 未満',
    bandCount: '{count} 都道府県',
    bandsOwn: '区分の都道府県数は表示中の割合から数えています（API の区分は読取端末申込率のものです）。',
    trend: '推移',
    from: '開始日',
    to: '終了日',
    readyFrom: '準備完了 {date}',
    readyTo: '準備完了 {date}',
    liveFrom: '運用開始 {date}',
    liveTo: '運用開始 {date}',
    increase: '増加',
    trendChart: '準備完了・運用開始の施設数',
    usage: '利用状況',
    liveAsOf: '運用施設の基準日',
    myNumberCard: 'マイナンバーカード',
    insuranceCard: '保険証',
    bulk: '一括照会',
    total: '合計',
    liveFacilities: '運用施設数',
    perFacilityPerDay: '1施設1日あたり',
    medicationViews: '薬剤情報閲覧',
    checkupViews: '特定健診情報閲覧',
    usageChart: '方法別の資格確認件数',
    survey: 'アンケート（回答施設 {count}）',
    question: '設問',
    option: '選択肢',
    respondents: '回答数',
    percent: '割合',
    doneSteps: '実施済みの事項',
    expectedGoLive: '運用開始見込み',
    obstacles: '課題',
    initialCost: '初期費用の見積（円）',
    monthlyCost: '月額費用の見積（円）',
    answered: '回答数',
    median: '中央値',
    mean: '平均',
  },
  en: {
    title: 'Statistics',
    asOf: 'As of',
    show: 'Show',
    adoption: 'Adoption as of {asOf}',
    type: 'Type',
    facilities: 'Facilities',
    readerApplied: 'Reader applied',
    ready: 'Ready',
    live: 'Live',
    rate: 'Rate',
    readerAppliedRate: 'Reader application rate',
    readyRate: 'Ready rate',
    liveRate: 'Live rate',
    adoptionChart: 'Rates by type (%)',
    prefectures: 'By prefecture, as of {asOf}',
    mapType: 'Facility type',
    allTypes: 'All types',
    mapRate: 'Rate to colour by',
    prefecture: 'Prefecture',
    legend: 'Legend (prefectures)',
    bandTop: '{from} % or more',
    band: '{from}–{to} %',
    bandBottom: 'below {to} %',
    bandCount: '{count} prefectures',
    bandsOwn: 'Band counts are counted from the rates shown (the API’s bands are those of the reader application rate).',
    trend: 'Trend',
    from: 'From',
    to: 'To',
    readyFrom: 'Ready {date}',
    readyTo: 'Ready {date}',
    liveFrom: 'Live {date}',
    liveTo: 'Live {date}',
    increase: 'Increase',
    trendChart: 'Ready and live facilities',
    usage: 'Use',
    liveAsOf: 'Live facilities as of',
    myNumberCard: 'My Number card',
    insuranceCard: 'Insurance card numbers',
    bulk: 'Bulk',
    total: 'Total',
    liveFacilities: 'Live facilities',
    perFacilityPerDay: 'Per facility per day',
    medicationViews: 'Medication views',
    checkupViews: 'Checkup views',
    usageChart: 'Eligibility checks by method',
    survey: 'Survey ({count} facilities answered)',
    question: 'Question',
    option: 'Option',
    respondents: 'Respondents',
    percent: 'Percent',
    doneSteps: 'Done so far',
    expectedGoLive: 'Expected go-live',
    obstacles: 'Obstacles',
    initialCost: 'Quoted initial cost (yen)',
    monthlyCost: 'Quoted monthly cost (yen)',
    answered: 'Answered',
    median: 'Median',
    mean: 'Mean',
  },
});

const RATES = ['readerAppliedRate', 'readyRate', 'liveRate'];

/** The query of the page with its defaults: every choice lives in the route, so back, forward and reload keep it. */
function choices(query) {
  const asOf = query.asOf || todayInJapan();
  return {
    asOf,
    type: TYPES.includes(query.type) ? query.type : '',
    rate: RATES.includes(query.rate) ? query.rate : 'readerAppliedRate',
    trendFrom: query.trendFrom || addDays(asOf, -32),
    trendTo: query.trendTo || asOf,
    usageFrom: query.usageFrom || addDays(asOf, -27),
    usageTo: query.usageTo || asOf,
    liveAsOf: query.liveAsOf || '',
  };
}

function go(query, change) {
  navigate('/admin/stats', { ...query, ...change });
}

const num = (value, lang) => formatNumber(value, lang);
const pct = (value, lang) => (value === null || value === undefined ? '—' : `${formatNumber(value, lang, 1)} %`);

/** DOMAIN.md §10's published figures as of a date, by type, by prefecture, over time and in use. */
export function StatsPage({ api, query }) {
  const t = useT(M);
  const c = choices(query);
  return html`<section class="stats">
    <h1>${t('title')}</h1>
    <${DateForm} name="asOf" label=${t('asOf')} value=${c.asOf} onSubmit=${(v) => go(query, { asOf: v.asOf })} />
    <${Adoption} api=${api} asOf=${c.asOf} />
    <${Prefectures} api=${api} query=${query} c=${c} />
    <${Trend} api=${api} query=${query} c=${c} />
    <${Usage} api=${api} query=${query} c=${c} />
    <${Survey} api=${api} />
  </section>`;
}

/** A small form of date fields; the API's message for a field under it. */
function DateForm({ fields, name, label, value, error, onSubmit, testid }) {
  const t = useT(M);
  const list = fields || [{ name, label, value }];
  const [values, setValues] = useState(Object.fromEntries(list.map((f) => [f.name, f.value])));
  const key = list.map((f) => f.value).join('|');
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    setValues(Object.fromEntries(list.map((f) => [f.name, f.value])));
  }
  return html`<form class="stats-form" data-testid=${testid}
    onSubmit=${(e) => {
      e.preventDefault();
      onSubmit(values);
    }}>
    ${list.map(
      (f) => html`<${Field} label=${f.label} name=${f.name} error=${error}>
        ${(props) => html`<input type="date" ...${props} value=${values[f.name]}
          onInput=${(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} />`}
      <//>`,
    )}
    <div class="field"><button type="submit">${t('show')}</button></div>
  </form>`;
}

function Adoption({ api, asOf }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get('/stats/adoption', { asOf }), [asOf]);
  return html`<section class="card" aria-labelledby="adoption-title">
    <h2 id="adoption-title">${t('adoption', { asOf })}</h2>
    <${Loaded} state=${state}>
      ${(report) => html`<div class="side-by-side table-and-chart">
        <div class="table-wrap">
          <table data-testid="adoption-table">
            <thead>
              <tr>
                <th scope="col">${t('type')}</th>
                <th scope="col" class="num">${t('facilities')}</th>
                <th scope="col" class="num">${t('readerApplied')}</th>
                <th scope="col" class="num">${t('rate')}</th>
                <th scope="col" class="num">${t('ready')}</th>
                <th scope="col" class="num">${t('rate')}</th>
                <th scope="col" class="num">${t('live')}</th>
                <th scope="col" class="num">${t('rate')}</th>
              </tr>
            </thead>
            <tbody>
              ${[...report.byType, { ...report.total, type: 'TOTAL' }].map(
                (r) => html`<tr data-type=${r.type} class=${r.type === 'TOTAL' ? 'total' : undefined}>
                  <th scope="row">${t(r.type)}</th>
                  <td class="num" data-field="facilities">${num(r.facilities, lang)}</td>
                  <td class="num" data-field="readerApplied">${num(r.readerApplied, lang)}</td>
                  <td class="num" data-field="readerAppliedRate">${pct(r.readerAppliedRate, lang)}</td>
                  <td class="num" data-field="ready">${num(r.ready, lang)}</td>
                  <td class="num" data-field="readyRate">${pct(r.readyRate, lang)}</td>
                  <td class="num" data-field="live">${num(r.live, lang)}</td>
                  <td class="num" data-field="liveRate">${pct(r.liveRate, lang)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <${AdoptionChart} report=${report} />
      </div>`}
    <//>
  </section>`;
}

function AdoptionChart({ report }) {
  const t = useT(M);
  const lang = useLang();
  const config = useMemo(() => {
    const rows = [...report.byType, { ...report.total, type: 'TOTAL' }];
    const series = RATES.map((rate) => ({ label: t(rate), data: rows.map((r) => Number(r[rate])) }));
    return barChart(rows.map((r) => t(r.type)), series, {
      scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } },
      plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${pct(item.raw, lang)}` } } },
    });
  }, [report, lang]);
  return html`<${ChartCanvas} config=${config} label=${t('adoptionChart')} testid="adoption-chart" />`;
}

function Prefectures({ api, query, c }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get('/stats/adoption/prefectures', { asOf: c.asOf, type: c.type }), [c.asOf, c.type]);
  return html`<section class="card" aria-labelledby="prefectures-title">
    <h2 id="prefectures-title">${t('prefectures', { asOf: c.asOf })}</h2>
    <div class="stats-form">
      <div class="field">
        <label for="map-type">${t('mapType')}</label>
        <select id="map-type" value=${c.type} onChange=${(e) => go(query, { type: e.currentTarget.value })}>
          <option value="">${t('allTypes')}</option>
          ${TYPES.map((type) => html`<option value=${type}>${t(type)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="map-rate">${t('mapRate')}</label>
        <select id="map-rate" value=${c.rate} onChange=${(e) => go(query, { rate: e.currentTarget.value })}>
          ${RATES.map((rate) => html`<option value=${rate}>${t(rate)}</option>`)}
        </select>
      </div>
    </div>
    <${Loaded} state=${state}>
      ${(report) => {
        const own = c.rate !== 'readerAppliedRate';
        const bands = fiveBands(own ? null : report.bands, report.prefectures.map((p) => p[c.rate]));
        return html`<div class="side-by-side">
          <div>
            <${PrefectureMap} rows=${report.prefectures} rate=${c.rate} lang=${lang} label=${t(c.rate)} />
            <${BandLegend} bands=${bands} own=${own} />
          </div>
          <div class="table-wrap scroll">
            <table data-testid="prefecture-table">
              <thead>
                <tr>
                  <th scope="col">${t('prefecture')}</th>
                  <th scope="col" class="num">${t('facilities')}</th>
                  <th scope="col" class="num">${t('readerAppliedRate')}</th>
                  <th scope="col" class="num">${t('readyRate')}</th>
                  <th scope="col" class="num">${t('liveRate')}</th>
                </tr>
              </thead>
              <tbody>
                ${report.prefectures.map(
                  (p) => html`<tr data-prefecture=${p.prefecture}>
                    <th scope="row">${prefectureName(p.prefecture, lang)}</th>
                    <td class="num">${num(p.facilities, lang)}</td>
                    ${RATES.map(
                      (rate) => html`<td class=${`num${rate === c.rate ? ' chosen' : ''}`} data-field=${rate}>
                        ${pct(p[rate], lang)}
                      </td>`,
                    )}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </div>`;
      }}
    <//>
  </section>`;
}

function BandLegend({ bands, own }) {
  const t = useT(M);
  const label = (b) => {
    if (b.toRate === null) return t('bandTop', { from: b.fromRate });
    if (b.fromRate === 0) return t('bandBottom', { to: b.toRate });
    return t('band', { from: b.fromRate, to: b.toRate });
  };
  return html`<figure class="legend">
    <figcaption>${t('legend')}</figcaption>
    <ul data-testid="band-legend">
      ${bands.map(
        (b) => html`<li data-from=${b.fromRate} data-prefectures=${b.prefectures}>
          <span class=${`swatch band-${b.index}`} aria-hidden="true"></span>
          <span class="band-label">${label(b)}</span>
          <span class="band-count">${t('bandCount', { count: b.prefectures })}</span>
        </li>`,
      )}
    </ul>
    ${own ? html`<small class="hint">${t('bandsOwn')}</small>` : null}
  </figure>`;
}

function Trend({ api, query, c }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get('/stats/adoption/trend', { from: c.trendFrom, to: c.trendTo }), [c.trendFrom, c.trendTo]);
  const fields = [
    { name: 'from', label: t('from'), value: c.trendFrom },
    { name: 'to', label: t('to'), value: c.trendTo },
  ];
  return html`<section class="card" aria-labelledby="trend-title">
    <h2 id="trend-title">${t('trend')}</h2>
    <${DateForm} fields=${fields} error=${state.error} testid="trend-form"
      onSubmit=${(v) => go(query, { trendFrom: v.from, trendTo: v.to })} />
    <${Loaded} state=${state}>
      ${(report) => html`<div class="side-by-side table-and-chart">
        <div class="table-wrap">
          <table data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">${t('type')}</th>
                <th scope="col" class="num">${t('ready')}<span class="date">${report.from}</span></th>
                <th scope="col" class="num">${t('ready')}<span class="date">${report.to}</span></th>
                <th scope="col" class="num">${t('increase')}</th>
                <th scope="col" class="num">${t('live')}<span class="date">${report.from}</span></th>
                <th scope="col" class="num">${t('live')}<span class="date">${report.to}</span></th>
                <th scope="col" class="num">${t('increase')}</th>
              </tr>
            </thead>
            <tbody>
              ${[...report.byType, { ...report.total, type: 'TOTAL' }].map(
                (r) => html`<tr data-type=${r.type} class=${r.type === 'TOTAL' ? 'total' : undefined}>
                  <th scope="row">${t(r.type)}</th>
                  <td class="num">${num(r.readyFrom, lang)}</td>
                  <td class="num">${num(r.readyTo, lang)}</td>
                  <td class="num" data-field="readyIncrease">${signed(r.readyIncrease, lang)}</td>
                  <td class="num">${num(r.liveFrom, lang)}</td>
                  <td class="num">${num(r.liveTo, lang)}</td>
                  <td class="num" data-field="liveIncrease">${signed(r.liveIncrease, lang)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <${TrendChart} report=${report} />
      </div>`}
    <//>
  </section>`;
}

function signed(value, lang) {
  return value > 0 ? `+${num(value, lang)}` : num(value, lang);
}

function TrendChart({ report }) {
  const t = useT(M);
  const lang = useLang();
  const config = useMemo(() => {
    const series = [
      ['readyFrom', t('readyFrom', { date: report.from })],
      ['readyTo', t('readyTo', { date: report.to })],
      ['liveFrom', t('liveFrom', { date: report.from })],
      ['liveTo', t('liveTo', { date: report.to })],
    ];
    return barChart(
      report.byType.map((r) => t(r.type)),
      series.map(([field, label]) => ({ label, data: report.byType.map((r) => r[field]) })),
      { scales: { y: { beginAtZero: true } } },
    );
  }, [report, lang]);
  return html`<${ChartCanvas} config=${config} label=${t('trendChart')} testid="trend-chart" />`;
}

const METHODS = ['myNumberCard', 'insuranceCard', 'bulk'];

function Usage({ api, query, c }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(
    () => api.get('/stats/usage', { from: c.usageFrom, to: c.usageTo, liveAsOf: c.liveAsOf }),
    [c.usageFrom, c.usageTo, c.liveAsOf],
  );
  const fields = [
    { name: 'from', label: t('from'), value: c.usageFrom },
    { name: 'to', label: t('to'), value: c.usageTo },
    { name: 'liveAsOf', label: t('liveAsOf'), value: c.liveAsOf },
  ];
  return html`<section class="card" aria-labelledby="usage-title">
    <h2 id="usage-title">${t('usage')}</h2>
    <${DateForm} fields=${fields} error=${state.error} testid="usage-form"
      onSubmit=${(v) => go(query, { usageFrom: v.from, usageTo: v.to, liveAsOf: v.liveAsOf })} />
    <${Loaded} state=${state}>
      ${(report) => html`<div class="table-then-chart">
        <div class="table-wrap">
          <table data-testid="usage-table">
            <thead>
              <tr>
                <th scope="col">${t('type')}</th>
                ${METHODS.map((m) => html`<th scope="col" class="num">${t(m)}</th>`)}
                <th scope="col" class="num">${t('total')}</th>
                <th scope="col" class="num">${t('liveFacilities')}<span class="date">${report.liveAsOf}</span></th>
                <th scope="col" class="num">${t('perFacilityPerDay')}</th>
                <th scope="col" class="num">${t('medicationViews')}</th>
                <th scope="col" class="num">${t('checkupViews')}</th>
              </tr>
            </thead>
            <tbody>
              ${[...report.byType, { ...report.total, type: 'TOTAL' }].map(
                (r) => html`<tr data-type=${r.type} class=${r.type === 'TOTAL' ? 'total' : undefined}>
                  <th scope="row">${t(r.type)}</th>
                  ${METHODS.map((m) => html`<td class="num">${num(r[m], lang)}</td>`)}
                  <td class="num">${num(r.total, lang)}</td>
                  <td class="num">${num(r.liveFacilities, lang)}</td>
                  <td class="num">${formatNumber(r.perFacilityPerDay, lang, 1)}</td>
                  <td class="num">${num(r.medicationViews, lang)}</td>
                  <td class="num">${num(r.checkupViews, lang)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <${UsageChart} report=${report} />
      </div>`}
    <//>
  </section>`;
}

function UsageChart({ report }) {
  const t = useT(M);
  const lang = useLang();
  const config = useMemo(
    () =>
      barChart(
        report.byType.map((r) => t(r.type)),
        METHODS.map((m) => ({ label: t(m), data: report.byType.map((r) => r[m]) })),
        { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
      ),
    [report, lang],
  );
  return html`<${ChartCanvas} config=${config} label=${t('usageChart')} testid="usage-chart" />`;
}

function Survey({ api }) {
  const t = useT(M);
  const lang = useLang();
  const state = useLoad(() => api.get('/stats/survey'), []);
  if (state.error) {
    return html`<section class="card"><h2>${t('survey', { count: '—' })}</h2><${ProblemMessage} error=${state.error} /></section>`;
  }
  return html`<section class="card" aria-labelledby="survey-title">
    <${Loaded} state=${state}>
      ${(report) => html`<h2 id="survey-title">${t('survey', { count: num(report.respondents, lang) })}</h2>
        <div class="side-by-side">
          ${['doneSteps', 'expectedGoLive', 'obstacles'].map(
            (q) => html`<div class="table-wrap">
              <table data-testid=${`survey-${q}`}>
                <caption>${t(q)}</caption>
                <thead>
                  <tr><th scope="col">${t('option')}</th><th scope="col" class="num">${t('respondents')}</th><th scope="col" class="num">${t('percent')}</th></tr>
                </thead>
                <tbody>
                  ${report[q].length === 0
                    ? html`<tr><td colspan="3">${t('none')}</td></tr>`
                    : report[q].map(
                        (o) => html`<tr>
                          <th scope="row">${o.option}</th>
                          <td class="num">${num(o.respondents, lang)}</td>
                          <td class="num">${pct(o.percent, lang)}</td>
                        </tr>`,
                      )}
                </tbody>
              </table>
            </div>`,
          )}
          <div class="table-wrap">
            <table data-testid="survey-costs">
              <thead>
                <tr><th scope="col"></th><th scope="col" class="num">${t('answered')}</th><th scope="col" class="num">${t('median')}</th><th scope="col" class="num">${t('mean')}</th></tr>
              </thead>
              <tbody>
                ${['initialCost', 'monthlyCost'].map(
                  (k) => html`<tr>
                    <th scope="row">${t(k)}</th>
                    <td class="num">${num(report[k]?.answered, lang)}</td>
                    <td class="num">${num(report[k]?.median, lang)}</td>
                    <td class="num">${num(report[k]?.mean, lang)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </div>`}
    <//>
  </section>`;
}
