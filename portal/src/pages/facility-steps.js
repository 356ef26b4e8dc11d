import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { useT } from '../i18n.js';
import { Field, ProblemMessage, todayInJapan, useSubmit } from '../ui.js';

const M = {
  ja: {
    progress: '導入の進み具合',
    REGISTERED: '登録済み',
    ACCOUNT_REGISTERED: 'アカウント登録',
    READER_APPLIED: 'カードリーダー申込',
    READY: '準備完了',
    LIVE: '運用開始',
    nextStep: '次の手続き',
    accountTitle: 'ポータルアカウントを登録する',
    registeredOn: '登録日',
    readersTitle: 'カードリーダーを申し込む',
    readers: '台数',
    readersHint: '病院は3台まで、その他は1台',
    appliedOn: '申込日',
    readyTitle: '準備完了を届け出る',
    readyOn: '準備完了日',
    goLiveTitle: '運用開始日を登録する',
    goLiveMoveTitle: '運用開始日を変更する',
    goLiveOn: '運用開始日',
    live: '{date} から運用中です。',
    saved: '登録しました。',
  },
  en: {
    progress: 'Onboarding progress',
    REGISTERED: 'Registered',
    ACCOUNT_REGISTERED: 'Account registered',
    READER_APPLIED: 'Readers applied for',
    READY: 'Ready',
    LIVE: 'Live',
    nextStep: 'Next step',
    accountTitle: 'Register the portal account',
    registeredOn: 'Registered on',
    readersTitle: 'Apply for card readers',
    readers: 'Readers',
    readersHint: 'Hospitals up to 3, others 1',
    appliedOn: 'Applied on',
    readyTitle: 'Declare readiness',
    readyOn: 'Ready on',
    goLiveTitle: 'Register the go-live date',
    goLiveMoveTitle: 'Move the go-live date',
    goLiveOn: 'Go-live date',
    live: 'Live since {date}.',
    saved: 'Saved.',
  },
};

const STAGES = ['REGISTERED', 'ACCOUNT_REGISTERED', 'READER_APPLIED', 'READY', 'LIVE'];
const DATE_OF = {
  ACCOUNT_REGISTERED: 'accountRegisteredOn',
  READER_APPLIED: 'readerAppliedOn',
  READY: 'readyOn',
  LIVE: 'goLiveOn',
};

/** The stages as a progress line, each with its date; today's stage marked. */
function Progress({ facility }) {
  const t = useT(M);
  const current = STAGES.indexOf(facility.stage);
  return html`<ol class="progress" aria-label=${t('progress')} data-testid="progress">
    ${STAGES.map((stage, i) => {
      const date = facility[DATE_OF[stage]];
      const state = i < current ? 'done' : i === current ? 'current' : 'todo';
      return html`<li class=${state} data-stage=${stage} aria-current=${i === current ? 'step' : undefined}>
        <span class="label">${t(stage)}</span>
        ${date ? html`<span class="date">${date}</span>` : null}
      </li>`;
    })}
  </ol>`;
}

/** One step's form: its fields, the API's messages beside them, the facility as the API returns it afterwards. */
function StepForm({ title, fields, send, onChange, testid }) {
  const t = useT(M);
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const step = useSubmit(async () => onChange(await send(values)));
  const set = (name) => (event) => setValues({ ...values, [name]: event.currentTarget.value });
  // A refused step (409) names no field; in a one-date form the date is what to change, so its reason goes there.
  const error = step.error && !step.error.errors.length && fields.length === 1 && step.error.status === 409
    ? { ...step.error, fieldMessage: (name) => (name === fields[0].name ? step.error.message : undefined) }
    : step.error;
  return html`<form class="step" onSubmit=${step.submit} data-testid=${testid} novalidate>
    <h3>${title}</h3>
    <div class="fields">
      ${fields.map(
        (f) => html`<${Field} label=${t(f.name)} name=${f.name} error=${error} hint=${f.hint && t(f.hint)}>
          ${(attrs) =>
            f.options
              ? html`<select ...${attrs} value=${values[f.name]} onChange=${set(f.name)}>
                  ${f.options.map((o) => html`<option value=${o}>${o}</option>`)}
                </select>`
              : html`<input ...${attrs} type=${f.type || 'date'} required value=${values[f.name]}
                  onInput=${set(f.name)} />`}
        <//>`,
      )}
      <div><button type="submit" disabled=${step.busy}>${t('submit')}</button></div>
    </div>
    <${ProblemMessage} error=${step.error} />
  </form>`;
}

/** The stage, and the form of the step that comes next (the go-live date may be moved until it has come). */
export function FacilitySteps({ api, facility, onChange }) {
  const t = useT(M);
  const base = `/facilities/${encodeURIComponent(facility.facilityCode)}`;
  const today = todayInJapan();
  const maxReaders = facility.type === 'HOSPITAL' ? 3 : 1;
  let form;
  switch (facility.stage) {
    case 'REGISTERED':
      form = html`<${StepForm} key="account" testid="step-account" title=${t('accountTitle')} onChange=${onChange}
        fields=${[{ name: 'registeredOn', initial: today }]}
        send=${(v) => api.post(`${base}/account`, { registeredOn: v.registeredOn || null })} />`;
      break;
    case 'ACCOUNT_REGISTERED':
      form = html`<${StepForm} key="readers" testid="step-readers" title=${t('readersTitle')} onChange=${onChange}
        fields=${[
          { name: 'readers', initial: '1', options: Array.from({ length: maxReaders }, (_, i) => String(i + 1)),
            hint: 'readersHint' },
          { name: 'appliedOn', initial: today },
        ]}
        send=${(v) => api.post(`${base}/reader-applications`, { readers: Number(v.readers), appliedOn: v.appliedOn || null })} />`;
      break;
    case 'READER_APPLIED':
      form = html`<${StepForm} key="ready" testid="step-readiness" title=${t('readyTitle')} onChange=${onChange}
        fields=${[{ name: 'readyOn', initial: today }]}
        send=${(v) => api.post(`${base}/readiness`, { readyOn: v.readyOn || null })} />`;
      break;
    case 'READY':
      form = html`<${StepForm} key="golive" testid="step-go-live" onChange=${onChange}
        title=${t(facility.goLiveOn ? 'goLiveMoveTitle' : 'goLiveTitle')}
        fields=${[{ name: 'goLiveOn', initial: facility.goLiveOn || today }]}
        send=${(v) => api.put(`${base}/go-live`, { goLiveOn: v.goLiveOn || null })} />`;
      break;
    default:
      form = html`<p class="notice" data-testid="live">${t('live', { date: facility.goLiveOn })}</p>`;
  }
  return html`<section class="card" aria-labelledby="progress-title">
    <h2 id="progress-title">${t('progress')}</h2>
    <${Progress} facility=${facility} />
    ${form}
  </section>`;
}
