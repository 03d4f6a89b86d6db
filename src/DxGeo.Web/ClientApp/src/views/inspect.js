// Inspectors' view: the findings and image footprints in the workspace (drawn as map layers by status / score),
// listed with thumbnails served by image_id. The review workflow itself is the review page's.
import { transformExtent } from 'ol/proj.js';
import { t } from '../i18n.js';
import { esc, fetchJson, fmt } from './common.js';

export function setupInspectView(map, $, state) {
  const view = { loaded: false };
  const zoom = (bbox) => map.getView().fit(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [80, 80, 80, 80], maxZoom: 19, duration: 0 });
  const bboxOf = (g) => {
    const pts = JSON.stringify(g.coordinates).match(/-?\d+(\.\d+)?(e-?\d+)?/g).map(Number);
    const xs = pts.filter((_, i) => i % 2 === 0), ys = pts.filter((_, i) => i % 2 === 1);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  view.activate = async (on) => {
    for (const id of ['findings', 'images']) state.layers[id]?.layer.setVisible(on || state.layers[id].layer.getVisible());
    if (!on || view.loaded) return;
    view.loaded = true;
    const has = (id) => Boolean(state.layers[id]);
    if (!has('findings') && !has('images')) { $('inspect-body').innerHTML = `<p class="note">${t('inspectNone')}</p>`; return; }
    let html = '';
    if (has('findings')) {
      const fc = await fetchJson('/collections/findings/items?limit=200');
      html += `<h3>${t('inspectFindings')} (${fmt(fc.numberMatched)})</h3><ul class="cards">${fc.features.map((f, i) => `
        <li data-i="f${i}"><img loading="lazy" alt="" src="/api/images/${esc(f.properties.image_id)}/thumb" onerror="this.remove()">
        <span><b>${esc(f.properties.finding_id)}</b> <i class="st st-${esc(f.properties.status)}">${esc(t('status_' + f.properties.status))}</i><br>
        ${esc(f.properties.asset_id ?? '')} ${esc(f.properties.damage_type ?? '')} ${t('inspectScore')} ${fmt(f.properties.score, 2)}</span></li>`).join('')}</ul>`;
      view.findings = fc.features;
    }
    if (has('images')) {
      const fc = await fetchJson('/collections/images/items?limit=200');
      html += `<h3>${t('inspectImages')} (${fmt(fc.numberMatched)})</h3><ul class="cards">${fc.features.map((f, i) => `
        <li data-i="i${i}"><img loading="lazy" alt="" src="/api/images/${esc(f.properties.image_id)}/thumb" onerror="this.remove()">
        <span><b>${esc(f.properties.file_name)}</b><br>${esc(f.properties.asset_id ?? '')} ${t('inspectScore')} ${fmt(f.properties.score, 2)}
        <a href="/api/images/${esc(f.properties.image_id)}" target="_blank" rel="noopener">${t('inspectOpen')}</a></span></li>`).join('')}</ul>`;
      view.images = fc.features;
    }
    $('inspect-body').innerHTML = html;
    $('inspect-body').querySelectorAll('li[data-i]').forEach((li) => li.addEventListener('click', () => {
      const i = li.dataset.i; const list = i[0] === 'f' ? view.findings : view.images;
      zoom(bboxOf(list[+i.slice(1)].geometry));
    }));
    document.body.dataset.inspect = 'ready';
  };
  return view;
}
