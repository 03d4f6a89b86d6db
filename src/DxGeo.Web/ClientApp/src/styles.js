import { Circle, Fill, Stroke, Style } from 'ol/style.js';

// Colour tables shared by the map styles and the legend.
export const materialColours = {
  DCIP: '#1f6fd1', CIP: '#8b1a1a', SP: '#6b6b6b', VP: '#2e9e44', PE: '#8e44ad', ACP: '#e67e22', UNK: '#111111',
};
export const riskClasses = [
  { max: 0.02, colour: '#2e9e44', label: '< 2 %' },
  { max: 0.05, colour: '#d4c21a', label: '2–5 %' },
  { max: 0.1, colour: '#f08c00', label: '5–10 %' },
  { max: Infinity, colour: '#d62828', label: '≥ 10 %' },
];
export const mlitColours = { I: '#2e9e44', II: '#d4c21a', III: '#f08c00', IV: '#d62828' };
export const soilColours = { clay: '#c9a27e', silt: '#d8c7a0', sand: '#f1e3a0', gravel: '#bdbdbd', peat: '#7a6a4f', fill: '#e0b0d5' };

const cache = new Map();
function line(colour, width, dash) {
  const k = `l${colour}${width}${dash}`;
  if (!cache.has(k)) cache.set(k, new Style({ stroke: new Stroke({ color: colour, width, lineDash: dash }), image: point(colour, width + 3) }));
  return cache.get(k);
}
function area(fill, stroke, width = 1, dash) {
  const k = `a${fill}${stroke}${width}${dash}`;
  if (!cache.has(k)) cache.set(k, new Style({ fill: new Fill({ color: fill }), stroke: new Stroke({ color: stroke, width, lineDash: dash }) }));
  return cache.get(k);
}
function point(colour, radius) {
  return new Circle({ radius, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 1 }) });
}
function dot(colour, radius) {
  const k = `p${colour}${radius}`;
  if (!cache.has(k)) cache.set(k, new Style({ image: point(colour, radius), stroke: new Stroke({ color: colour, width: radius }) }));
  return cache.get(k);
}

// Findings by review status; image footprints by damage score (unscored: faint grey).
export const statusColours = { to_review: '#f08c00', confirmed: '#d62828', false_alarm: '#7f8c8d', disputed: '#8e44ad' };
export function scoreFill(s) {
  if (s === undefined || s === null) return 'rgba(150,150,150,0.12)';
  return `rgba(214,40,40,${(0.1 + 0.5 * Math.min(1, Math.max(0, s))).toFixed(2)})`;
}

export function riskColour(p) {
  if (p === undefined || p === null) return '#9a9a9a';
  return riskClasses.find((c) => p < c.max).colour;
}

const floodFill = ['rgba(120,180,255,0.25)', 'rgba(90,150,250,0.3)', 'rgba(60,110,240,0.35)', 'rgba(40,80,220,0.4)', 'rgba(30,50,180,0.45)', 'rgba(20,20,140,0.5)'];

// A style function per layer id; unknown layers get a neutral grey.
export function styleFor(layerId, state) {
  switch (layerId) {
    case 'water_pipes': {
      // Called for every pipe in every frame: one lookup in a table per line width, no key strings built.
      const byWidth = { 1.2: {}, 2: {}, 3: {} };
      return (f, res) => {
        const w = res > 20 ? 1.2 : res > 5 ? 2 : 3;
        const c = state.pipeStyle === 'risk' ? riskColour(f.get('risk_break_prob')) : materialColours[f.get('material')] ?? '#111';
        return (byWidth[w][c] ??= line(c, w));
      };
    }
    case 'bridges': return (f) => line(mlitColours[f.get('mlit_grade')] ?? '#444', 6);
    case 'levees': return () => line('#7b4a12', 4);
    case 'pipe_breaks': return () => dot('#c0392b', 3);
    case 'soil': return (f) => area((soilColours[f.get('soil_class')] ?? '#ccc') + '80', '#a08060', 0.5);
    case 'flood_zones': return (f) => area(floodFill[Math.min(5, Math.max(0, (f.get('depth_class') ?? 1) - 1))], 'rgba(30,60,200,0.5)', 0.5);
    case 'no_fly_zones': return () => area('rgba(214,40,40,0.12)', '#d62828', 2, [8, 6]);
    case 'planned_flights': return () => line('#c2185b', 2, [6, 4]);
    case 'flight_tracks': return () => line('#00a0c0', 2);
    case 'roads': return () => line('#b0b0b0', 1.5);
    case 'waterways': return () => line('#4a90d9', 2);
    case 'water_areas': return () => area('rgba(120,170,230,0.5)', 'rgba(74,144,217,0.8)', 0.5);
    case 'districts': return () => area('rgba(0,0,0,0)', '#888', 1, [4, 4]);
    case 'facilities': return () => dot('#5e35b1', 5);
    case 'road_works': return () => area('rgba(255,160,0,0.2)', '#ff9800', 1.5);
    case 'findings': return (f) => area('rgba(0,0,0,0.05)', statusColours[f.get('status')] ?? '#555', 3);
    case 'images': return (f) => area(scoreFill(f.get('score')), 'rgba(60,60,60,0.6)', 0.8);
    default: return () => line('#555', 1.5);
  }
}

// Bottom to top; layers not listed go between the areas and the assets.
export const order = ['soil', 'flood_zones', 'water_areas', 'districts', 'road_works', 'no_fly_zones', 'roads', 'waterways',
  'levees', 'water_pipes', 'pipe_breaks', 'bridges', 'facilities', 'images', 'findings', 'planned_flights', 'flight_tracks'];
export const visibleByDefault = new Set(['flood_zones', 'water_areas', 'waterways', 'levees', 'water_pipes', 'bridges', 'no_fly_zones',
  'planned_flights', 'flight_tracks', 'findings', 'images']);

export function meshStyle(f) {
  const km = (f.get('length_m') ?? 0) / 1000;
  const a = Math.min(0.75, 0.1 + km / 4);
  return area(`rgba(142,68,173,${a.toFixed(2)})`, 'rgba(142,68,173,0.8)', 0.5);
}
