import 'ol/ol.css';
import './app.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { t, lang, setLang, label } from './i18n.js';
import { styleFor, order, visibleByDefault, materialColours, riskClasses, mlitColours } from './styles.js';

// The entry chunk holds only what the first map needs. The users' views, the base map, the mesh layer and proj4 are
// separate chunks (dynamic imports), fetched when first used or once the first map is drawn.
const $ = (id) => document.getElementById(id);
const LARGE_LAYER = 20000;
const state = { pipeStyle: 'material', layers: {}, config: null };
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

// Asked at once (index.html preloads it), so the answer is there when the script has been compiled.
const configRequest = getJson('/api/config');
// Drawn alone first: the pipes are the map's main subject, and the other layers' tiles would otherwise queue in front
// of theirs (a browser fetches 6 at a time from one host and OpenLayers redraws the whole map for each tile).
const FIRST_LAYERS = new Set(['water_pipes']);

function buildLayers(config) {
  const rank = (id) => { const i = order.indexOf(id); return i < 0 ? 4.5 : i; };
  const layers = config.layers.filter((l) => l.tiles).sort((a, b) => rank(a.id) - rank(b.id));
  return layers.map((l, i) => {
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
    return layer;
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
  // proj4 (a third of the code) is only needed for the plane coordinates: fetched after the first map is drawn.
  const loadPlane = () => import('proj4').then(({ default: proj4 }) => {
    const code = `EPSG:${config.metricCrs.epsg}`;
    proj4.defs(code, config.metricCrs.wkt);
    plane = { code, convert: proj4('EPSG:4326', code) };
  });
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    const [lon, lat] = toLonLat(e.coordinate);
    $('coord-lonlat').textContent = `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
    if (plane) {
      const [x, y] = plane.convert.forward([lon, lat]);
      $('coord-plane').textContent = `${plane.code} X ${y.toFixed(2)} m, Y ${x.toFixed(2)} m`;
    }
  });
  return config.metricCrs ? loadPlane : () => Promise.resolve();
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
  $('mesh-level').addEventListener('change', async (e) => {
    if (mesh) { map.removeLayer(mesh); mesh = null; }
    if (!e.target.value) return;
    const { meshLayer } = await import('./mesh.js');
    mesh = meshLayer(`/api/mesh/water_pipes?level=${e.target.value}`);
    map.addLayer(mesh);
  });
}

function setPipeStyle(style) {
  state.pipeStyle = style;
  document.querySelectorAll('input[name="pipe-style"]').forEach((r) => { r.checked = r.value === style; });
  state.layers.water_pipes?.layer.changed();
  renderLegend();
}

// The panel's tabs: the map's layers, and a view for each kind of user (flight planner, water bureau, inspector),
// each a chunk set up on its first opening.
function setupViews(map) {
  const modules = {
    plan: () => import('./views/plan.js').then((m) => m.setupPlanView(map, $)),
    water: () => import('./views/water.js').then((m) => m.setupWaterView(map, $, () => setPipeStyle('risk'))),
    inspect: () => import('./views/inspect.js').then((m) => m.setupInspectView(map, $, state)),
  };
  const loaded = {};
  const views = { current: 'layers', names: ['layers', ...Object.keys(modules)] };
  views.get = (name) => (loaded[name] ??= modules[name] ? modules[name]() : Promise.resolve(null));
  views.show = async (name) => {
    if (name === views.current) return;
    const previous = views.current;
    views.current = name;
    document.querySelectorAll('#views button').forEach((b) => b.classList.toggle('on', b.dataset.view === name));
    document.querySelectorAll('#panel > div[data-view]').forEach((d) => { d.hidden = d.dataset.view !== name; });
    document.body.classList.toggle('wide-panel', name === 'water');
    document.body.dataset.view = name;
    map.updateSize();
    (await views.get(previous))?.activate?.(false);
    const view = await views.get(name);
    if (views.current === name) view?.activate?.(true);
  };
  document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => views.show(b.dataset.view)));
  return views;
}

async function start() {
  performance.mark('dxgeo:start');
  setLang(lang);
  $('lang').textContent = t('lang');
  const config = await configRequest;
  performance.mark('dxgeo:config');
  state.config = config;
  $('title').textContent = config.title;
  if (!config.baseMap) $('map').classList.add('plain');
  const map = new Map({
    target: 'map',
    controls: defaultControls({ attributionOptions: { collapsible: true } }).extend([new ScaleLine({ bar: true, minWidth: 100 })]),
    view: new View({ center: fromLonLat([139.69, 35.68]), zoom: 5, maxZoom: 20 }),
  });
  if (config.baseMap) import('./basemap.js').then((m) => map.addLayer(m.baseLayer(config.baseMap)));
  performance.mark('dxgeo:map');
  const layers = buildLayers(config);
  const first = layers.filter((l) => FIRST_LAYERS.has(l.get('id')) && l.getVisible());
  const rest = first.length ? layers.filter((l) => !first.includes(l)) : layers;
  (first.length ? first : rest).forEach((l) => map.addLayer(l));
  renderLayerList();
  renderLegend();
  if (config.extent) map.getView().fit(transformExtent(config.extent, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  const loadPlane = setupCoordinates(map, config);
  setupMesh(map);
  performance.mark('dxgeo:layers');

  const views = setupViews(map);
  map.on('singleclick', async (e) => {
    // The flight planner's view takes clicks for picking a target or placing launch points first.
    if (views.current === 'plan' && await views.get('plan').then((p) => p.onClick(e.coordinate)).catch(() => false)) return;
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
  // data-drawn: the first layers are on screen; data-ready: every layer shown by default is (tests wait for this).
  const ready = () => map.once('rendercomplete', () => { performance.mark('dxgeo:ready'); document.body.dataset.ready = 'true'; });
  map.once('rendercomplete', () => {
    performance.mark('dxgeo:drawn');
    document.body.dataset.drawn = 'true';
    if (first.length) { rest.forEach((l) => map.addLayer(l)); ready(); } else { performance.mark('dxgeo:ready'); document.body.dataset.ready = 'true'; }
    loadPlane();
  });
  const startView = new URLSearchParams(location.search).get('view');
  if (startView && views.names.includes(startView)) views.show(startView);
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
