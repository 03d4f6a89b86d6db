// The photo at full resolution in a zoomable view (OpenLayers in pixel space), with the heat map and the box on top.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import Static from 'ol/source/ImageStatic.js';
import VectorSource from 'ol/source/Vector.js';
import Projection from 'ol/proj/Projection.js';
import Feature from 'ol/Feature.js';
import { fromExtent } from 'ol/geom/Polygon.js';
import Draw, { createBox } from 'ol/interaction/Draw.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import { defaults as defaultControls } from 'ol/control.js';

const boxStyle = new Style({ stroke: new Stroke({ color: '#00e5ff', width: 3 }) });

export class ImageView {
  constructor(target) {
    this.heat = new VectorSource();
    this.box = new VectorSource();
    this.heatLayer = new VectorLayer({ source: this.heat, opacity: 0.55 });
    this.map = new Map({ target, controls: defaultControls({ rotate: false, attribution: false }), layers: [] });
    this.map.addLayer(this.heatLayer);
    this.map.addLayer(new VectorLayer({ source: this.box, style: boxStyle, zIndex: 5 }));
    this.onBox = null;
  }

  // Image pixels have y down; the view's y goes up: flip with the image height.
  toExtent([x, y, w, h]) { return [x, this.h - y - h, x + w, this.h - y]; }

  show(image, box) {
    this.w = image.widthPx; this.h = image.heightPx;
    const extent = [0, 0, this.w, this.h];
    const projection = new Projection({ code: `photo-${image.imageId}`, units: 'pixels', extent });
    if (this.photo) this.map.removeLayer(this.photo);
    this.photo = new ImageLayer({ source: new Static({ url: image.url, projection, imageExtent: extent }), zIndex: 0 });
    this.map.getLayers().insertAt(0, this.photo);
    this.map.setView(new View({ projection, center: [this.w / 2, this.h / 2], extent, constrainOnlyCenter: true, maxZoom: 8 }));
    this.map.getView().fit(extent, { padding: [8, 8, 8, 8] });
    this.heat.clear();
    for (const [x, y, w, h, s] of image.heatmap || []) {
      const f = new Feature(fromExtent(this.toExtent([x, y, w, h])));
      f.setStyle(new Style({ fill: new Fill({ color: heatColour(s) }) }));
      this.heat.addFeature(f);
    }
    this.setBox(box);
  }

  setBox(box) {
    this.box.clear();
    if (box) this.box.addFeature(new Feature(fromExtent(this.toExtent(box))));
  }

  setHeat(on) { this.heatLayer.setVisible(on); }

  startDrawing() {
    if (this.draw) return;
    this.draw = new Draw({ source: this.box, type: 'Circle', geometryFunction: createBox() });
    this.draw.on('drawstart', () => this.box.clear());
    this.draw.on('drawend', (e) => {
      const [x0, y0, x1, y1] = e.feature.getGeometry().getExtent();
      const cx0 = Math.max(0, Math.round(x0)), cx1 = Math.min(this.w, Math.round(x1));
      const cy0 = Math.max(0, Math.round(this.h - y1)), cy1 = Math.min(this.h, Math.round(this.h - y0));
      this.stopDrawing();
      if (cx1 > cx0 && cy1 > cy0 && this.onBox) this.onBox([cx0, cy0, cx1 - cx0, cy1 - cy0]);
    });
    this.map.addInteraction(this.draw);
  }

  stopDrawing() {
    if (!this.draw) return;
    this.map.removeInteraction(this.draw);
    this.draw = null;
  }
}

function heatColour(s) {
  const r = 255, g = Math.round(255 * (1 - Math.min(1, Math.max(0, s))));
  return `rgba(${r},${g},0,${0.15 + 0.6 * s})`;
}
