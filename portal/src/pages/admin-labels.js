import geo from '../geo/japan-prefectures.json';

/**
 * Words the portal administrator's pages share: facility types, lifecycle stages, prefectures (names from the map's
 * own outlines, so that the select and the map agree) and the date of today in Japan.
 */
export const TYPES = ['HOSPITAL', 'MEDICAL_CLINIC', 'DENTAL_CLINIC', 'PHARMACY'];
export const STAGES = ['REGISTERED', 'ACCOUNT_REGISTERED', 'READER_APPLIED', 'READY', 'LIVE'];

export const PREFECTURES = geo.features
  .map((f) => ({ code: f.properties.code, ja: f.properties.ja, en: f.properties.en }))
  .sort((a, b) => a.code.localeCompare(b.code));

export function prefectureName(code, lang) {
  const p = PREFECTURES.find((x) => x.code === code);
  return p ? p[lang] || p.ja : code;
}

export const LABELS = {
  ja: {
    HOSPITAL: '病院',
    MEDICAL_CLINIC: '医科診療所',
    DENTAL_CLINIC: '歯科診療所',
    PHARMACY: '薬局',
    TOTAL: '合計',
    REGISTERED: 'マスタ登録済',
    ACCOUNT_REGISTERED: 'アカウント登録済',
    READER_APPLIED: '読取端末申込済',
    READY: '準備完了',
    LIVE: '運用開始',
    any: '（すべて）',
  },
  en: {
    HOSPITAL: 'Hospital',
    MEDICAL_CLINIC: 'Medical clinic',
    DENTAL_CLINIC: 'Dental clinic',
    PHARMACY: 'Pharmacy',
    TOTAL: 'Total',
    REGISTERED: 'Registered',
    ACCOUNT_REGISTERED: 'Account registered',
    READER_APPLIED: 'Reader applied',
    READY: 'Ready',
    LIVE: 'Live',
    any: '(any)',
  },
};

/** Page messages with the shared labels under them (the page's own win). */
export function withLabels(messages) {
  return { ja: { ...LABELS.ja, ...messages.ja }, en: { ...LABELS.en, ...messages.en } };
}

export { todayInJapan } from '../ui.js';

/** yyyy-MM-dd, `days` later (or earlier when negative) than `date`. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
