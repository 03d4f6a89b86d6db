// The mesh summary layer (pipe length per JIS X 0410 cell), loaded when the mesh toggle is first used.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { meshStyle } from './styles.js';

export const meshLayer = (url) => new VectorLayer({
  source: new VectorSource({ url, format: new GeoJSON() }),
  style: meshStyle, zIndex: 5, properties: { id: 'mesh' },
});
