import { useCallback, useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { useT } from './i18n.js';

/** Loads with `load()` whenever `deps` change: `{ data, error, loading, reload }`. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: undefined, loading: true });
  const run = useCallback(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error) => current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** An API error as a sentence in the chosen language (the API's own detail for validation, which names the rule). */
export function ProblemMessage({ error }) {
  const t = useT();
  if (!error) return null;
  const known = t(error.code);
  const text = known !== error.code ? known : t('error', { status: error.status });
  return html`<div class="problem" role="alert" data-code=${error.code}>
    <strong>${text}</strong>
    ${error.message && error.code !== 'FORBIDDEN' && error.code !== 'NOT_FOUND'
      ? html`<div class="problem-detail">${error.message}</div>`
      : null}
  </div>`;
}

/** Loading, failure or the content. */
export function Loaded({ state, children }) {
  const t = useT();
  if (state.loading && state.data === undefined) return html`<p class="loading" aria-busy="true">${t('loading')}</p>`;
  if (state.error) return html`<${ProblemMessage} error=${state.error} />`;
  return children(state.data);
}

/**
 * A labelled form field with the API's message for it beneath (`error` is the ApiError of the last submit);
 * `name` is the API's field name.
 */
export function Field({ label, name, error, hint, children }) {
  const id = `f-${name}`;
  const message = error?.fieldMessage?.(name);
  return html`<div class=${`field${message ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>
    ${children({ id, name, 'aria-invalid': message ? 'true' : undefined, 'aria-describedby': message ? `${id}-error` : undefined })}
    ${hint ? html`<small class="hint">${hint}</small>` : null}
    ${message ? html`<div class="field-error" id=${`${id}-error`} data-field=${name}>${message}</div>` : null}
  </div>`;
}

/** Page through `total` items of `size`; `onPage(n)` with n from 0. */
export function Pager({ page, size, total, onPage }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / size));
  return html`<nav class="pager" aria-label="pages">
    <button type="button" disabled=${page <= 0} onClick=${() => onPage(page - 1)}>${t('previous')}</button>
    <span>${t('page', { page: page + 1, pages, total })}</span>
    <button type="button" disabled=${page + 1 >= pages} onClick=${() => onPage(page + 1)}>${t('next')}</button>
  </nav>`;
}

/** Today's date in Japan (yyyy-MM-dd), the day every rule of the API counts in. */
export function todayInJapan() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** Submits with `action()`, keeping the failure (an ApiError) for the form to show beside its fields. */
export function useSubmit(action) {
  const [state, setState] = useState({ busy: false, error: undefined, done: undefined });
  const submit = async (event) => {
    event?.preventDefault?.();
    setState({ busy: true, error: undefined, done: undefined });
    try {
      const done = await action();
      setState({ busy: false, error: undefined, done: done ?? true });
    } catch (error) {
      setState({ busy: false, error, done: undefined });
    }
  };
  return { ...state, submit };
}
