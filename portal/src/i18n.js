import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Japanese by default, English on request (kept in localStorage). Every page keeps its own messages beside it,
 * `{ ja: {...}, en: {...} }`, and reads them through {@link useT}; shared words live in {@link COMMON}.
 */
export const LANGS = ['ja', 'en'];
const KEY = 'shikaku.portal.lang';

export function initialLang() {
  const saved = localStorage.getItem(KEY);
  return LANGS.includes(saved) ? saved : 'ja';
}

export function saveLang(lang) {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

export const LangContext = createContext('ja');

export const COMMON = {
  ja: {
    appTitle: 'オンライン資格確認ポータル',
    signOut: 'ログアウト',
    language: 'English',
    loading: '読み込み中…',
    save: '保存',
    submit: '送信',
    search: '検索',
    previous: '前へ',
    next: '次へ',
    page: '{page} / {pages} ページ（{total} 件）',
    none: 'データはありません。',
    navFacility: '自施設',
    navFacilities: '施設検索',
    navImport: 'マスタ取込',
    navExemptions: '経過措置の審査',
    navStats: '統計',
    navMe: '私の記録',
    notFoundPage: 'このページはありません。',
    noRole: 'このアカウントで使える画面はありません。',
    // problem codes of API.md
    FORBIDDEN: 'この操作・ページの権限がありません。',
    NOT_FOUND: '見つかりません。',
    UNAUTHENTICATED: 'ログインの有効期限が切れました。もう一度ログインしてください。',
    VALIDATION_FAILED: '入力内容を確認してください。',
    INVALID_LIFECYCLE_STEP: 'この手続きは受け付けられませんでした。手続きの順序と日付をご確認ください。',
    CONFLICT: 'ほかの変更と競合しました。再読み込みしてください。',
    RATE_LIMITED: '要求が多すぎます。しばらくしてから再度お試しください。',
    UNAVAILABLE: 'サービスが一時的に利用できません。しばらくしてから再度お試しください。',
    TIMEOUT: '応答に時間がかかっています。しばらくしてから再度お試しください。',
    PAYLOAD_TOO_LARGE: 'ファイルが大きすぎます。',
    UNSUPPORTED_MEDIA_TYPE: 'この形式のファイルは受け付けられません。',
    NETWORK: 'サーバーに接続できません。',
    INTERNAL_ERROR: 'システムエラーが発生しました。',
    error: 'エラーが発生しました（{status}）。',
  },
  en: {
    appTitle: 'Online qualification confirmation portal',
    signOut: 'Sign out',
    language: '日本語',
    loading: 'Loading…',
    save: 'Save',
    submit: 'Submit',
    search: 'Search',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {page} of {pages} ({total} in all)',
    none: 'Nothing to show.',
    navFacility: 'My facility',
    navFacilities: 'Facilities',
    navImport: 'Master import',
    navExemptions: 'Exemption requests',
    navStats: 'Statistics',
    navMe: 'My records',
    notFoundPage: 'There is no such page.',
    noRole: 'This account has no pages in the portal.',
    FORBIDDEN: 'You are not allowed to do this or to open this page.',
    NOT_FOUND: 'Not found.',
    UNAUTHENTICATED: 'Your sign-in has expired. Please sign in again.',
    VALIDATION_FAILED: 'Please check what you entered.',
    INVALID_LIFECYCLE_STEP: 'This step was refused: please check the order of the steps and their dates.',
    CONFLICT: 'This conflicts with another change. Please reload.',
    RATE_LIMITED: 'Too many requests. Please try again shortly.',
    UNAVAILABLE: 'The service is unavailable for the moment. Please try again shortly.',
    TIMEOUT: 'The answer is taking too long. Please try again shortly.',
    PAYLOAD_TOO_LARGE: 'The file is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'Files of this kind are not accepted.',
    NETWORK: 'The server cannot be reached.',
    INTERNAL_ERROR: 'A system error occurred.',
    error: 'Something went wrong ({status}).',
  },
};

function format(text, params) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (params && name in params ? String(params[name]) : `{${name}}`));
}

/** `t(key, params)` for the page's own messages, falling back to the common ones, then to the key itself. */
export function useT(messages) {
  const lang = useContext(LangContext);
  return (key, params) => {
    const text = messages?.[lang]?.[key] ?? COMMON[lang][key] ?? messages?.ja?.[key] ?? COMMON.ja[key] ?? key;
    return format(text, params);
  };
}

export function useLang() {
  return useContext(LangContext);
}

/** Numbers and dates the way the chosen language writes them (numbers exactly as the API gives them). */
export function formatNumber(value, lang, digits) {
  if (value === null || value === undefined) return '—';
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', options).format(value);
}

export function formatInstant(value, lang) {
  if (!value) return '—';
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(value));
}
