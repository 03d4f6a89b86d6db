// The XYZ base map (e.g. the GSI standard map), loaded only when the server configures one.
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';

export const baseLayer = (b) => new TileLayer({
  source: new XYZ({ url: b.url, attributions: b.attribution, maxZoom: 18, crossOrigin: null }), zIndex: 0,
});
