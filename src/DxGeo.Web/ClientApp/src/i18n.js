// UI text in Japanese (default when the browser prefers it) and English; ?lang=en|ja overrides.
const text = {
  ja: {
    layers: 'レイヤ', search: '検索', searchPlaceholder: '管路ID・橋梁名・堤防ID', pipeStyle: '管路の色分け',
    byMaterial: '管種', byRisk: '破損リスク', mesh: 'メッシュ集計（配水管延長）', off: 'なし', noHits: '該当なし',
    whatIsHere: 'この地点の地物', nothingHere: 'この地点に地物はありません', loading: '読み込み中…', distance: '距離',
    riskNone: '未評価', results: '検索結果', km: 'km', lang: 'EN', plane: '平面直角座標',
  },
  en: {
    layers: 'Layers', search: 'Search', searchPlaceholder: 'Pipe id, bridge name, levee id', pipeStyle: 'Pipe colours',
    byMaterial: 'Material', byRisk: 'Break risk', mesh: 'Mesh summary (pipe length)', off: 'Off', noHits: 'No match',
    whatIsHere: 'What is here', nothingHere: 'No feature here', loading: 'Loading…', distance: 'distance',
    riskNone: 'not assessed', results: 'Results', km: 'km', lang: '日本語', plane: 'Plane rectangular',
  },
};

function initialLang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'ja' || q === 'en') return q;
  const prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  return prefs[0].toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export let lang = initialLang();
export const t = (key) => text[lang][key] ?? key;

export function setLang(l) {
  lang = l;
  document.documentElement.lang = l;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
}

const cjk = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+(?:[・\s]?[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+)*[A-Za-z0-9]*/;

// Data dictionary texts read "Material code 管種 (DCIP, …)": show the Japanese term in Japanese, the English one otherwise.
export function label(description, fallback) {
  if (!description) return fallback;
  const m = description.match(cjk);
  if (!m) return description;
  const rest = description.slice(m.index + m[0].length).trim();
  const english = description.slice(0, m.index).trim();
  return lang === 'ja' ? `${m[0]}${rest ? ' ' + rest : ''}` : `${english || m[0]}${rest ? ' ' + rest : ''}`;
}
