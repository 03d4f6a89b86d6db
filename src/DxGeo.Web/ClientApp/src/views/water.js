// Water bureau's view: the pipe risk ranking as a sortable table linked to the map (a row click zooms to the pipe and
// highlights it), the renewal plan by year, the capture curve, and the pipes near planned road works.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { transformExtent } from 'ol/proj.js';
import { Stroke, Style } from 'ol/style.js';
import { t } from '../i18n.js';
import { esc, fetchJson, fmt } from './common.js';

export const highlightColour = '#00e5ff';
const highlight = [
  new Style({ stroke: new Stroke({ color: '#003a46', width: 11 }) }),
  new Style({ stroke: new Stroke({ color: highlightColour, width: 7 }) }),
];

const columns = [
  ['rank', '#'], ['pipeId', 'waterPipe'], ['material', 'waterMaterial'], ['diameterMm', 'waterDiameter'],
  ['installYear', 'waterInstalled'], ['riskBreakProb', 'waterRisk'], ['renewalYear', 'waterRenewal'],
];

export function setupWaterView(map, $, onRiskStyle) {
  const layer = new VectorLayer({ source: new VectorSource(), zIndex: 70, style: highlight, properties: { id: 'highlight' } });
  map.addLayer(layer);
  const view = { loaded: false, rows: [], sort: { key: 'rank', dir: 1 } };

  const zoomTo = async (pipeId, bbox) => {
    map.getView().fit(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [120, 120, 120, 120], maxZoom: 18, duration: 0 });
    const fc = await fetchJson(`/collections/water_pipes/items?pipe_id=${encodeURIComponent(pipeId)}&limit=1`);
    layer.getSource().clear();
    layer.getSource().addFeatures(new GeoJSON().readFeatures(fc, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' }));
    document.querySelectorAll('#water-ranking tr.sel').forEach((r) => r.classList.remove('sel'));
    document.querySelector(`#water-ranking tr[data-id="${CSS.escape(pipeId)}"]`)?.classList.add('sel');
    map.once('rendercomplete', () => { document.body.dataset.highlighted = pipeId; });
    map.render();
  };

  const renderTable = () => {
    const { key, dir } = view.sort;
    const rows = [...view.rows].sort((a, b) => {
      const x = a[key], y = b[key];
      if (x === y) return a.rank - b.rank;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
    $('water-ranking').innerHTML = `<thead><tr>${columns.map(([k, label]) =>
      `<th data-sort="${k}" class="${k === key ? (dir > 0 ? 'asc' : 'desc') : ''}">${esc(label === '#' ? '#' : t(label))}</th>`).join('')}</tr></thead>
      <tbody>${rows.map((r) => `<tr data-id="${esc(r.pipeId)}">${columns.map(([k]) =>
        `<td>${k === 'riskBreakProb' ? fmt(r[k] * 100, 1) + ' %' : esc(r[k] ?? '–')}</td>`).join('')}</tr>`).join('')}</tbody>`;
    $('water-ranking').querySelectorAll('th').forEach((th) => th.addEventListener('click', () => {
      const k = th.dataset.sort;
      view.sort = { key: k, dir: view.sort.key === k ? -view.sort.dir : (k === 'riskBreakProb' ? -1 : 1) };
      renderTable();
    }));
    $('water-ranking').querySelectorAll('tbody tr').forEach((tr) => tr.addEventListener('click', () => {
      const r = view.rows.find((x) => x.pipeId === tr.dataset.id);
      zoomTo(r.pipeId, r.bbox).catch((e) => { $('water-status').textContent = e.message; });
    }));
  };

  const renderRenewal = (r) => {
    if (!r.years.length) { $('water-renewal').innerHTML = `<p class="note">${t('waterNoPlan')}</p>`; return; }
    $('water-renewal').innerHTML = `<table class="grid"><tr><th>${t('waterYear')}</th><th>${t('waterSegments')}</th><th>km</th><th>${t('waterCost')}</th><th>${t('waterAvoided')}</th></tr>
      ${r.years.map((y) => `<tr><td>${y.year}</td><td>${y.segments}</td><td>${fmt(y.lengthKm, 2)}</td><td>${fmt(y.costYen / 1e6, 1)}</td><td>${fmt(y.expectedBreaksAvoided, 2)}</td></tr>`).join('')}</table>
      <p class="note">${t('waterCostNote')}</p>`;
  };

  const renderCapture = (c) => {
    const W = 220, H = 160, P = 26;
    const path = (pts) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${(P + x * (W - P - 6)).toFixed(1)},${(H - P - y * (H - P - 6)).toFixed(1)}`).join('');
    $('water-capture').innerHTML = `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(t('waterCapture'))}">
      <rect x="${P}" y="6" width="${W - P - 6}" height="${H - P - 6}" fill="#fff" stroke="#bbb"/>
      <path d="${path([[0, 0], [1, 1]])}" stroke="#bbb" stroke-dasharray="4 3" fill="none"/>
      <path d="${path(c.age)}" stroke="#888" stroke-width="1.5" fill="none"/>
      <path d="${path(c.risk)}" stroke="#d62828" stroke-width="2" fill="none"/>
      <text x="${P}" y="${H - 8}" font-size="9">0</text><text x="${W - 30}" y="${H - 8}" font-size="9">100 %</text>
      <text x="2" y="14" font-size="9">100 %</text>
      <text x="${W - 80}" y="${H - P - 22}" font-size="9" fill="#d62828">${esc(t('waterByRisk'))}</text>
      <text x="${W - 80}" y="${H - P - 11}" font-size="9" fill="#666">${esc(t('waterByAge'))}</text></svg>
      <p class="note">${esc(t('waterCaptureNote').replace('{year}', c.year).replace('{n}', c.breaks))}</p>`;
  };

  const renderRoadWorks = (r) => {
    $('water-roadworks').innerHTML = r.pipes.length
      ? `<ul class="links">${r.pipes.slice(0, 100).map((p) => `<li><button type="button" data-id="${esc(p.pipeId)}">${esc(p.pipeId)}</button> ${esc(p.workId ?? '')} ${p.plannedYear ?? ''} (${fmt(p.distanceM, 1)} m)</li>`).join('')}</ul>`
      : `<p class="note">${t('noHits')}</p>`;
    $('water-roadworks').querySelectorAll('button').forEach((b) => b.addEventListener('click', () => {
      const p = r.pipes.find((x) => x.pipeId === b.dataset.id);
      zoomTo(p.pipeId, p.bbox).catch((e) => { $('water-status').textContent = e.message; });
    }));
  };

  const section = (id, url, render) => fetchJson(url).then(render).catch((e) => { $(id).innerHTML = `<p class="note">${esc(e.message)}</p>`; });

  view.activate = async (on) => {
    layer.setVisible(on);
    if (!on) return;
    onRiskStyle();
    if (view.loaded) return;
    view.loaded = true;
    $('water-status').textContent = t('loading');
    try {
      const r = await fetchJson('/api/water/ranking?limit=500');
      view.rows = r.ranking;
      $('water-status').textContent = t('waterScored').replace('{n}', fmt(r.scored)).replace('{of}', fmt(r.pipes));
      renderTable();
      document.body.dataset.water = 'ready';
    } catch (e) {
      $('water-status').textContent = e.message;
    }
    await Promise.all([
      section('water-renewal', '/api/water/renewal', renderRenewal),
      section('water-capture', '/api/water/capture', renderCapture),
      section('water-roadworks', '/api/water/roadworks?distanceM=5', renderRoadWorks),
    ]);
  };
  return view;
}
