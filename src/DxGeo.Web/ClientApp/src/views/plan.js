// Flight planner's view: pick a levee or bridge on the map (or draw an area), set camera, GSD or altitude, overlaps and
// launch points, and see the planning library's route, sorties, photos and warnings drawn; download .plan / KML.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { toLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { t } from '../i18n.js';
import { esc, fetchJson, download, fmt } from './common.js';

export const routeColour = '#c2185b';
const styles = {
  route: new Style({ stroke: new Stroke({ color: routeColour, width: 3 }) }),
  photo: new Style({ image: new Circle({ radius: 2.5, fill: new Fill({ color: '#ff6f00' }) }) }),
  launch: new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: '#1b5e20' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) }),
  uncovered: new Style({ fill: new Fill({ color: 'rgba(214,40,40,0.35)' }), stroke: new Stroke({ color: '#d62828', width: 1 }) }),
  geofence: new Style({ stroke: new Stroke({ color: '#6a1b9a', width: 1.5, lineDash: [6, 4] }) }),
  no_fly: new Style({}),
  area: new Style({ fill: new Fill({ color: 'rgba(194,24,91,0.08)' }), stroke: new Stroke({ color: routeColour, width: 1.5, lineDash: [4, 4] }) }),
};
const launchStyle = (f) => new Style({
  image: new Circle({ radius: 7, fill: new Fill({ color: '#1b5e20' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  text: new Text({ text: f.get('id') ?? '', offsetY: -14, font: 'bold 12px sans-serif', fill: new Fill({ color: '#1b5e20' }) }),
});

export function setupPlanView(map, $) {
  const plan = new VectorLayer({ source: new VectorSource(), zIndex: 60, style: (f) => (f.get('kind') === 'launch' ? launchStyle(f) : styles[f.get('kind')] ?? styles.route), properties: { id: 'plan-preview' } });
  const picks = new VectorLayer({ source: new VectorSource(), zIndex: 61, style: (f) => (f.get('kind') === 'launch' ? launchStyle(f) : styles.area) });
  map.addLayer(plan);
  map.addLayer(picks);
  const view = { active: false, mode: 'pick', target: null, area: null, launch: [], last: null };
  let draw = null;

  fetchJson('/api/plan/cameras').then((cams) => {
    $('plan-camera').innerHTML = cams.map((c) => `<option value="${esc(c.id)}" ${c.isDefault ? 'selected' : ''}>${esc(c.name)}</option>`).join('');
  }).catch(() => {});

  const showTarget = () => {
    $('plan-target').textContent = view.target ? `${view.target.layer}: ${view.target.id}` : view.area ? t('planArea') : t('planPickHint');
  };
  const setMode = (mode) => {
    view.mode = mode;
    if (draw) { map.removeInteraction(draw); draw = null; }
    if (mode === 'area') {
      draw = new Draw({ source: picks.getSource(), type: 'Polygon' });
      draw.on('drawend', (e) => {
        picks.getSource().getFeatures().filter((f) => f.get('kind') !== 'launch').forEach((f) => picks.getSource().removeFeature(f));
        view.area = e.feature.getGeometry().clone().transform('EPSG:3857', 'EPSG:4326').getCoordinates()[0];
        view.target = null;
        showTarget();
        setTimeout(() => setMode('pick'), 0);
      });
      map.addInteraction(draw);
    }
    document.querySelectorAll('#view-plan [data-mode]').forEach((b) => b.classList.toggle('on', b.dataset.mode === mode));
  };

  // Map clicks while the view is open: pick a levee/bridge (from "what is here"), or place a launch point.
  view.onClick = async (coordinate) => {
    const [lon, lat] = toLonLat(coordinate);
    if (view.mode === 'launch') {
      view.launch.push([lon, lat]);
      picks.getSource().addFeature(new Feature({ geometry: new Point(coordinate), kind: 'launch', id: `L${view.launch.length}` }));
      $('plan-launch').textContent = view.launch.length ? view.launch.map((p, i) => `L${i + 1}`).join(', ') : t('planLaunchAuto');
      return true;
    }
    if (view.mode !== 'pick') return false;
    const radius = Math.max(1, map.getView().getResolution() * Math.cos((lat * Math.PI) / 180) * 10);
    const r = await fetchJson(`/api/identify?lon=${lon}&lat=${lat}&radiusM=${Math.min(500, radius).toFixed(1)}`);
    const hit = r.features.find((f) => f.layer === 'levees' || f.layer === 'bridges');
    if (!hit) return false;
    view.target = { layer: hit.layer, id: hit.id };
    view.area = null;
    picks.getSource().getFeatures().filter((f) => f.get('kind') !== 'launch').forEach((f) => picks.getSource().removeFeature(f));
    showTarget();
    return true;
  };

  const request = () => {
    const num = (id) => { const v = $(id).value.trim(); return v === '' ? undefined : Number(v); };
    const body = {
      camera: $('plan-camera').value || undefined,
      frontOverlapPct: num('plan-front'), sideOverlapPct: num('plan-side'), widthM: view.target?.layer === 'levees' ? num('plan-width') : undefined,
      launch: view.launch.length ? view.launch : undefined,
    };
    const v = num('plan-value');
    if (v !== undefined) body[$('plan-by').value] = v;
    if (view.target) Object.assign(body, view.target); else if (view.area) body.area = view.area;
    return body;
  };
  const post = (extra) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...request(), ...extra }) });

  $('plan-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = $('plan-result');
    delete document.body.dataset.plan;
    if (!view.target && !view.area) { out.innerHTML = `<p class="warn">${t('planPickHint')}</p>`; return; }
    out.innerHTML = `<p>${t('loading')}</p>`;
    try {
      const r = await fetchJson('/api/plan/preview', post({}));
      view.last = r;
      const fmtGeo = new GeoJSON();
      plan.getSource().clear();
      plan.getSource().addFeatures(fmtGeo.readFeatures(r.features, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' }));
      const ext = plan.getSource().getExtent();
      map.getView().fit(ext, { padding: [60, 60, 60, 60], maxZoom: 18, duration: 0 });
      out.innerHTML = `
        <table class="kv">
          <tr><th>${t('planSorties')}</th><td data-k="sorties">${r.totals.sorties}</td></tr>
          <tr><th>${t('planPhotos')}</th><td data-k="photos">${fmt(r.totals.photos)}</td></tr>
          <tr><th>${t('planDistance')}</th><td>${fmt(r.totals.distanceM / 1000, 2)} km</td></tr>
          <tr><th>${t('planTime')}</th><td>${fmt(r.totals.timeS / 60, 1)} min</td></tr>
          <tr><th>GSD</th><td>${r.passes.map((p) => `${fmt(p.gsdCmPerPx, 2)} cm/px @ ${fmt(p.altitudeM, 0)} m`).filter((x, i, a) => a.indexOf(x) === i).join('<br>')}</td></tr>
        </table>
        <table class="grid"><tr><th>#</th><th>${t('planLaunch')}</th><th>km</th><th>min</th><th>${t('planPhotos')}</th></tr>
          ${r.sorties.map((s) => `<tr><td>${s.index}</td><td>${esc(s.launch)}</td><td>${fmt(s.distanceM / 1000, 2)}</td><td>${fmt(s.timeS / 60, 1)}</td><td>${s.photos}</td></tr>`).join('')}</table>
        ${r.uncovered.length ? `<p class="warn">${t('planUncovered')}: ${r.uncovered.map((u) => `${fmt(u.areaM2)} m² (${esc(u.reason)})`).join('; ')}</p>` : ''}
        <ul class="warnings">${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>
        <p class="downloads">${r.sorties.map((s) => `<button type="button" data-plan="${s.index}">.plan ${r.sorties.length > 1 ? '#' + s.index : ''}</button>`).join(' ')}
          <button type="button" data-kml>KML</button></p>
        <p class="note">${t('planNotSaved')}</p>`;
      out.querySelectorAll('[data-plan]').forEach((b) => b.addEventListener('click', () => download('/api/plan/preview', post({ format: 'plan', sortie: +b.dataset.plan }))));
      out.querySelector('[data-kml]').addEventListener('click', () => download('/api/plan/preview', post({ format: 'kml' })));
      map.once('rendercomplete', () => { document.body.dataset.plan = 'ready'; });
      map.render();
    } catch (err) {
      plan.getSource().clear();
      out.innerHTML = `<p class="error">${esc(err.message)}</p>`;
      document.body.dataset.plan = 'error';
    }
  });
  document.querySelectorAll('#view-plan [data-mode]').forEach((b) => b.addEventListener('click', () => setMode(b.dataset.mode)));
  $('plan-clear').addEventListener('click', () => {
    view.target = null; view.area = null; view.launch = [];
    plan.getSource().clear(); picks.getSource().clear();
    $('plan-result').innerHTML = ''; $('plan-launch').textContent = t('planLaunchAuto');
    showTarget();
  });
  view.activate = (on) => { view.active = on; plan.setVisible(on); picks.setVisible(on); if (!on) setMode('pick'); showTarget(); };
  view.layer = plan;
  return view;
}
