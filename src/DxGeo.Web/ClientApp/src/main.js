import 'ol/ol.css';
import './app.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorSource from 'ol/source/Vector.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import proj4 from 'proj4';
import { t, lang, setLang, label } from './i18n.js';
import { styleFor, order, visibleByDefault, meshStyle, materialColours, riskClasses, mlitColours } from './styles.js';
import { setupPlanView } from './views/plan.js';
import { setupWaterView } from './views/water.js';
import { setupInspectView } from './views/inspect.js';

const $ = (id) => document.getElementById(id);
const LARGE_LAYER = 20000;
const state = { pipeStyle: 'material', layers: {}, config: null };
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

function buildLayers(config, map) {
  const rank = (id) => { const i = order.indexOf(id); return i < 0 ? 4.5 : i; };
  const layers = config.layers.filter((l) => l.tiles).sort((a, b) => rank(a.id) - rank(b.id));
  layers.forEach((l, i) => {
    const layer = new VectorTileLayer({
      source: new VectorTileSource({ format: new MVT({ idProperty: 'fid' }), url: l.tiles, maxZoom: 18 }),
      style: styleFor(l.id, state),
      visible: visibleByDefault.has(l.id),
      // A very large layer (100k+ pipe segments) is drawn from z14 (a few km across) down: a low-zoom tile would hold
      // the whole network and take seconds to build; the mesh summary gives the overview there.
      minZoom: l.featureCount > LARGE_LAYER ? 13.5 : undefined,
      zIndex: 10 + i,
      properties: { id: l.id },
    });
    state.layers[l.id] = { layer, info: l };
    map.addLayer(layer);
  });
}

function renderLayerList() {
  const ul = $('layer-list');
  ul.innerHTML = '';
  for (const [id, { layer, info }] of Object.entries(state.layers).reverse()) {
    const li = document.createElement('li');
    li.innerHTML = `<label><input type="checkbox" data-layer="${esc(id)}" ${layer.getVisible() ? 'checked' : ''}> ${esc(label(info.title, id))} <small>${info.featureCount.toLocaleString()}</small></label>`;
    li.querySelector('input').addEventListener('change', (e) => layer.setVisible(e.target.checked));
    ul.appendChild(li);
  }
}

function renderLegend() {
  const rows = state.pipeStyle === 'risk'
    ? [...riskClasses.map((c) => [c.colour, c.label]), ['#9a9a9a', t('riskNone')]]
    : Object.entries(materialColours).map(([k, c]) => [c, k]);
  const bridges = Object.entries(mlitColours).map(([k, c]) => [c, `${lang === 'ja' ? '判定' : 'grade'} ${k}`]);
  const sw = ([c, text]) => `<li><span class="swatch" style="background:${c}"></span>${esc(text)}</li>`;
  $('legend').innerHTML = `<ul>${rows.map(sw).join('')}</ul><h3>${esc(label(state.layers.bridges?.info.title ?? 'Bridges 橋梁', 'bridges'))}</h3><ul>${bridges.map(sw).join('')}</ul>`;
}

function setupCoordinates(map, config) {
  let plane = null;
  if (config.metricCrs) {
    const code = `EPSG:${config.metricCrs.epsg}`;
    proj4.defs(code, config.metricCrs.wkt);
    plane = { code, convert: proj4('EPSG:4326', code) };
  }
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    const [lon, lat] = toLonLat(e.coordinate);
    $('coord-lonlat').textContent = `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
    if (plane) {
      const [x, y] = plane.convert.forward([lon, lat]);
      $('coord-plane').textContent = `${plane.code} X ${y.toFixed(2)} m, Y ${x.toFixed(2)} m`;
    }
  });
}

async function identify(map, coordinate) {
  const [lon, lat] = toLonLat(coordinate);
  // Eight screen pixels around the tap, in metres on the ground (a finger is wider than a mouse pointer).
  const px = matchMedia('(pointer: coarse)').matches ? 14 : 8;
  const radius = Math.min(500, Math.max(1, map.getView().getResolution() * Math.cos((lat * Math.PI) / 180) * px));
  const info = $('info'); const body = $('info-body');
  info.hidden = false;
  body.innerHTML = `<p>${t('loading')}</p>`;
  const r = await getJson(`/api/identify?lon=${lon}&lat=${lat}&radiusM=${radius.toFixed(1)}`);
  const visible = r.features.filter((f) => state.layers[f.layer]?.layer.getVisible() ?? true);
  if (!visible.length) { body.innerHTML = `<p>${t('nothingHere')}</p>`; return; }
  body.innerHTML = `<h2>${t('whatIsHere')}</h2>` + visible.map((f) => `
    <section class="hit" data-layer="${esc(f.layer)}" data-id="${esc(f.id)}">
      <h3>${esc(label(f.layerTitle, f.layer))} <span>${esc(f.id ?? '#' + f.fid)}</span></h3>
      <table>${f.properties.filter((p) => p.value !== null && p.value !== undefined)
        .map((p) => `<tr><th title="${esc(p.name)}">${esc(label(p.label, p.name))}</th><td data-field="${esc(p.name)}">${esc(p.value)}</td></tr>`).join('')}</table>
      <small>${t('distance')} ${f.distanceM} m</small>
    </section>`).join('');
}

async function search(map, q) {
  const box = $('results');
  const r = await getJson(`/api/search?q=${encodeURIComponent(q)}`);
  if (!r.results.length) { box.hidden = false; box.innerHTML = `<p>${t('noHits')}</p>`; return; }
  const zoomTo = (hit) => {
    const ext = transformExtent(hit.bbox, 'EPSG:4326', 'EPSG:3857');
    const layer = state.layers[hit.layer];
    if (layer) { layer.layer.setVisible(true); renderLayerList(); }
    map.getView().fit(ext, { padding: [80, 80, 80, 80], maxZoom: 18, duration: 0 });
    box.hidden = true;
    document.body.dataset.zoomedTo = `${hit.layer}:${hit.id}`;
  };
  if (r.results.length === 1 || r.results[0].exact) { zoomTo(r.results[0]); return; }
  box.hidden = false;
  box.innerHTML = `<h2>${t('results')}</h2><ul>${r.results.map((h, i) =>
    `<li><button type="button" data-i="${i}">${esc(label(h.layerTitle, h.layer))}: ${esc(h.id)} ${esc(h.name ?? '')}</button></li>`).join('')}</ul>`;
  box.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => zoomTo(r.results[+b.dataset.i])));
}

function setupMesh(map) {
  let mesh = null;
  $('mesh-level').addEventListener('change', (e) => {
    if (mesh) { map.removeLayer(mesh); mesh = null; }
    if (!e.target.value) return;
    mesh = new VectorLayer({
      source: new VectorSource({ url: `/api/mesh/water_pipes?level=${e.target.value}`, format: new GeoJSON() }),
      style: meshStyle, zIndex: 5, properties: { id: 'mesh' },
    });
    map.addLayer(mesh);
  });
}

function setPipeStyle(style) {
  state.pipeStyle = style;
  document.querySelectorAll('input[name="pipe-style"]').forEach((r) => { r.checked = r.value === style; });
  state.layers.water_pipes?.layer.changed();
  renderLegend();
}

// The panel's tabs: the map's layers, and a view for each kind of user (flight planner, water bureau, inspector).
function setupViews(map) {
  const views = {
    current: 'layers',
    plan: setupPlanView(map, $),
    water: setupWaterView(map, $, () => setPipeStyle('risk')),
    inspect: setupInspectView(map, $, state),
  };
  views.show = (name) => {
    if (name === views.current) return;
    views[views.current]?.activate?.(false);
    views.current = name;
    document.querySelectorAll('#views button').forEach((b) => b.classList.toggle('on', b.dataset.view === name));
    document.querySelectorAll('#panel > div[data-view]').forEach((d) => { d.hidden = d.dataset.view !== name; });
    document.body.classList.toggle('wide-panel', name === 'water');
    document.body.dataset.view = name;
    map.updateSize();
    views[name]?.activate?.(true);
  };
  document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => views.show(b.dataset.view)));
  return views;
}

async function start() {
  setLang(lang);
  $('lang').textContent = t('lang');
  const config = await getJson('/api/config');
  state.config = config;
  $('title').textContent = config.title;
  const base = config.baseMap
    ? [new TileLayer({ source: new XYZ({ url: config.baseMap.url, attributions: config.baseMap.attribution, maxZoom: 18, crossOrigin: null }), zIndex: 0 })]
    : [];
  if (!config.baseMap) $('map').classList.add('plain');
  const map = new Map({
    target: 'map',
    layers: base,
    controls: defaultControls({ attributionOptions: { collapsible: true } }).extend([new ScaleLine({ bar: true, minWidth: 100 })]),
    view: new View({ center: fromLonLat([139.69, 35.68]), zoom: 5, maxZoom: 20 }),
  });
  buildLayers(config, map);
  renderLayerList();
  renderLegend();
  if (config.extent) map.getView().fit(transformExtent(config.extent, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  setupCoordinates(map, config);
  setupMesh(map);

  const views = setupViews(map);
  map.on('singleclick', async (e) => {
    // The flight planner's view takes clicks for picking a target or placing launch points first.
    if (views.current === 'plan' && await views.plan.onClick(e.coordinate).catch(() => false)) return;
    identify(map, e.coordinate).catch((err) => { $('info-body').textContent = err.message; });
  });
  $('info-close').addEventListener('click', () => { $('info').hidden = true; });
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('search-input').value.trim();
    if (q) search(map, q).catch((err) => { $('results').hidden = false; $('results').textContent = err.message; });
  });
  document.querySelectorAll('input[name="pipe-style"]').forEach((r) => r.addEventListener('change', (e) => setPipeStyle(e.target.value)));
  $('lang').addEventListener('click', () => {
    setLang(lang === 'ja' ? 'en' : 'ja');
    $('lang').textContent = t('lang');
    renderLayerList();
    renderLegend();
  });
  $('toggle-panel').addEventListener('click', () => document.body.classList.toggle('panel-open'));
  map.once('rendercomplete', () => { document.body.dataset.ready = 'true'; });
  const startView = new URLSearchParams(location.search).get('view');
  if (startView && views[startView]) views.show(startView);
  // For scripted use (browser tests, the console): where a lon/lat is on screen, and where the view is.
  window.dxgeo = {
    map, state, views, show: views.show,
    pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
    centerLonLat: () => toLonLat(map.getView().getCenter()),
  };
}

start().catch((err) => {
  document.body.dataset.ready = 'error';
  $('map').textContent = `DxGeo: ${err.message}`;
});
