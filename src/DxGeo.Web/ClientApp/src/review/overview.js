// The finding's place: every queued finding as a marker coloured by review state, the photo footprint and the asset.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';

// to review: orange; one of two reviews in: yellow; confirmed: red; false alarm: grey; disputed: purple.
export const markerColours = { to_review: '#f08c00', one_review: '#ffd400', confirmed: '#d62828', false_alarm: '#8a8a8a', disputed: '#8e44ad' };
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

export function markerState(item) {
  const s = item.finding.status;
  return s === 'to_review' && item.reviews > 0 ? 'one_review' : s;
}

function markerStyle(f) {
  const colour = markerColours[f.get('state')] || '#000';
  const selected = f.get('selected');
  return new Style({
    image: new Circle({ radius: selected ? 10 : 7, fill: new Fill({ color: colour }), stroke: new Stroke({ color: selected ? '#00e5ff' : '#fff', width: selected ? 3 : 1.5 }) }),
    zIndex: selected ? 10 : 1,
  });
}

export class Overview {
  constructor(target) {
    this.markers = new VectorSource();
    this.context = new VectorSource();
    this.map = new Map({
      target,
      layers: [
        new VectorLayer({ source: this.context, style: contextStyle }),
        new VectorLayer({ source: this.markers, style: markerStyle, zIndex: 5 }),
      ],
      view: new View({ center: fromLonLat([139.7, 35.7]), zoom: 15 }),
    });
  }

  setMarkers(items) {
    this.markers.clear();
    for (const it of items) {
      if (!it.finding.centre) continue;
      const f = new Feature({ geometry: new Point(fromLonLat(it.finding.centre)), state: markerState(it) });
      f.setId(it.finding.findingId);
      this.markers.addFeature(f);
    }
  }

  setState(findingId, state) { this.markers.getFeatureById(findingId)?.set('state', state); }

  stateOf(findingId) { return this.markers.getFeatureById(findingId)?.get('state'); }

  // Where a marker is on the canvas (CSS pixels), for checking what is drawn there.
  pixelOf(findingId) {
    const f = this.markers.getFeatureById(findingId);
    return f ? this.map.getPixelFromCoordinate(f.getGeometry().getCoordinates()) : null;
  }

  focus(detail) {
    this.context.clear();
    for (const [g, kind] of [[detail.assetGeometry, 'asset'], [detail.finding.footprint, 'footprint'], [detail.image?.footprint, 'photo']]) {
      if (!g) continue;
      const f = new Feature({ geometry: geojson.readGeometry(g), kind });
      this.context.addFeature(f);
    }
    this.markers.forEachFeature((f) => f.set('selected', f.getId() === detail.finding.findingId));
    const extent = this.context.getExtent();
    if (isFinite(extent[0])) this.map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: 19 });
  }
}

const ctxStyles = {
  asset: new Style({ stroke: new Stroke({ color: '#1f6fd1', width: 5 }) }),
  photo: new Style({ stroke: new Stroke({ color: '#555', width: 1, lineDash: [4, 4] }) }),
  footprint: new Style({ stroke: new Stroke({ color: '#00a0b0', width: 2 }), fill: new Fill({ color: 'rgba(0,160,176,0.15)' }) }),
};
const contextStyle = (f) => ctxStyles[f.get('kind')];
