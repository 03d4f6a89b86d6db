// UI text in Japanese (default when the browser prefers it) and English; ?lang=en|ja overrides.
const text = {
  ja: {
    layers: 'レイヤ', search: '検索', searchPlaceholder: '管路ID・橋梁名・堤防ID', pipeStyle: '管路の色分け',
    byMaterial: '管種', byRisk: '破損リスク', mesh: 'メッシュ集計（配水管延長）', off: 'なし', noHits: '該当なし',
    whatIsHere: 'この地点の地物', nothingHere: 'この地点に地物はありません', loading: '読み込み中…', distance: '距離',
    riskNone: '未評価', results: '検索結果', km: 'km', lang: 'EN', plane: '平面直角座標',
    viewMap: '地図', viewPlan: '飛行計画', viewWater: '水道', viewInspect: '点検',
    planTarget: '対象', planPick: '地図で選択', planDraw: '範囲を描く', planAddLaunch: '離陸地点を追加', planClear: 'クリア',
    planPickHint: '地図上の堤防・橋梁をクリック、または範囲を描いてください', planArea: '描いた範囲', planCamera: 'カメラ',
    planGsd: 'GSD (cm/px)', planAltitude: '高度 (m)', planFront: '前方ラップ率 (%)', planSide: '側方ラップ率 (%)', planWidth: '堤防の幅 (m)',
    planLaunch: '離陸地点', planLaunchAuto: '自動', planRun: '計画する', planSorties: 'フライト数', planPhotos: '撮影枚数',
    planDistance: '飛行距離', planTime: '飛行時間', planUncovered: '未撮影範囲', planNotSaved: 'プレビューのみ（保存にはアカウントが必要です）',
    waterRanking: '破損リスク順位', waterRenewalPlan: '更新計画（年度別）', waterCapture: '捕捉曲線', waterRoadWorks: '道路工事区間付近の管路',
    waterPipe: '管路ID', waterMaterial: '管種', waterDiameter: '口径', waterInstalled: '布設年', waterRisk: '破損確率', waterRenewal: '更新年度',
    waterYear: '年度', waterSegments: '本数', waterCost: '費用 (百万円)', waterAvoided: '回避破損（期待値）',
    waterCostNote: '費用は口径別単価表による概算', waterNoPlan: '更新計画がありません（dxgeo risk plan で作成）',
    waterScored: '{of} 本中 {n} 本を評価済み', waterByRisk: 'リスク順', waterByAge: '古い順',
    waterCaptureNote: '横軸: 管路延長の割合、縦軸: {year} 年の破損 {n} 件のうち捕捉した割合（学習に含まれる可能性あり）',
    inspectNone: '損傷候補・撮影画像はまだありません', inspectFindings: '損傷候補', inspectImages: '撮影画像', inspectScore: 'スコア', inspectOpen: '画像を開く',
    status_to_review: '要確認', status_confirmed: '確定', status_false_alarm: '誤検知', status_disputed: '保留',
  },
  en: {
    layers: 'Layers', search: 'Search', searchPlaceholder: 'Pipe id, bridge name, levee id', pipeStyle: 'Pipe colours',
    byMaterial: 'Material', byRisk: 'Break risk', mesh: 'Mesh summary (pipe length)', off: 'Off', noHits: 'No match',
    whatIsHere: 'What is here', nothingHere: 'No feature here', loading: 'Loading…', distance: 'distance',
    riskNone: 'not assessed', results: 'Results', km: 'km', lang: '日本語', plane: 'Plane rectangular',
    viewMap: 'Map', viewPlan: 'Flight plan', viewWater: 'Water', viewInspect: 'Inspection',
    planTarget: 'Target', planPick: 'Pick on map', planDraw: 'Draw area', planAddLaunch: 'Add launch point', planClear: 'Clear',
    planPickHint: 'Click a levee or bridge on the map, or draw an area', planArea: 'drawn area', planCamera: 'Camera',
    planGsd: 'GSD (cm/px)', planAltitude: 'Altitude (m)', planFront: 'Front overlap (%)', planSide: 'Side overlap (%)', planWidth: 'Levee width (m)',
    planLaunch: 'Launch points', planLaunchAuto: 'automatic', planRun: 'Plan', planSorties: 'Sorties', planPhotos: 'Photos',
    planDistance: 'Distance', planTime: 'Flight time', planUncovered: 'Not covered', planNotSaved: 'Preview only (saving needs an account)',
    waterRanking: 'Break risk ranking', waterRenewalPlan: 'Renewal plan by year', waterCapture: 'Capture curve', waterRoadWorks: 'Pipes near planned road works',
    waterPipe: 'Pipe', waterMaterial: 'Material', waterDiameter: 'Diameter', waterInstalled: 'Installed', waterRisk: 'Break prob.', waterRenewal: 'Renewal',
    waterYear: 'Year', waterSegments: 'Pipes', waterCost: 'Cost (M yen)', waterAvoided: 'Breaks avoided (exp.)',
    waterCostNote: 'Cost from the unit-cost table by diameter (estimate)', waterNoPlan: 'No renewal plan yet (make one with dxgeo risk plan)',
    waterScored: '{n} of {of} pipes scored', waterByRisk: 'by risk', waterByAge: 'oldest first',
    waterCaptureNote: 'x: share of network length, y: share of the {n} breaks of {year} captured (in-sample: the model may have seen them)',
    inspectNone: 'No findings or images in this workspace yet', inspectFindings: 'Findings', inspectImages: 'Images', inspectScore: 'score', inspectOpen: 'open image',
    status_to_review: 'to review', status_confirmed: 'confirmed', status_false_alarm: 'false alarm', status_disputed: 'disputed',
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
