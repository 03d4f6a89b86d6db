// Builds the web map into ../wwwroot: ES modules split by esbuild (the map's first view in the entry chunk; the
// planner, water bureau and inspection views, proj4 and the mesh layer as chunks loaded on demand), minified, with
// content-hashed file names (served as immutable by the server), and index.html written with those names plus
// preload hints for the entry's static imports and the first API request.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join, basename } from 'node:path';

const out = new URL('../wwwroot/', import.meta.url).pathname;
// Outputs of earlier builds (hashed names change); the review page's files are built by build:review and kept.
for (const f of readdirSync(out)) if (/^(app|chunk)-[A-Z0-9]+\.(js|css)$|^app\.(js|css)$/.test(f)) unlinkSync(join(out, f));

const result = await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true, splitting: true, format: 'esm', minify: true, target: 'es2020',
  outdir: out, entryNames: '[name]-[hash]', chunkNames: 'chunk-[hash]', assetNames: '[name]-[hash]',
  loader: { '.css': 'css' }, legalComments: 'none', metafile: true, logLevel: 'warning',
});

const outputs = result.metafile.outputs;
const [entryPath, entry] = Object.entries(outputs).find(([, o]) => o.entryPoint === 'src/main.js');
const name = (p) => basename(p);
const preloads = entry.imports.filter((i) => i.kind === 'import-statement').map((i) => `<link rel="modulepreload" href="${name(i.path)}">`);
const head = [
  `<link rel="stylesheet" href="${name(entry.cssBundle)}">`,
  // The app's first request: fetched while the script downloads and compiles.
  '<link rel="preload" href="/api/config" as="fetch" crossorigin="anonymous">',
  `<script type="module" src="${name(entryPath)}"></script>`,
  ...preloads,
].join('\n');
const html = readFileSync('src/index.html', 'utf8');
if (!html.includes('<!-- assets -->')) throw new Error('src/index.html lacks the <!-- assets --> placeholder');
writeFileSync(join(out, 'index.html'), html.replace('<!-- assets -->', head));

const kb = (p) => (outputs[p].bytes / 1024).toFixed(1);
for (const p of Object.keys(outputs)) console.log(`${name(p).padEnd(24)} ${kb(p).padStart(7)} kB${p === entryPath ? '  (entry)' : ''}`);
