import 'ol/ol.css';
import './review.css';
import { get, send, login, logout, refreshCsrf, ApiError } from './api.js';
import { ImageView } from './imageview.js';
import { Overview, markerState } from './overview.js';

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const statusText = { to_review: '未判定 to review', confirmed: '確認 confirmed', false_alarm: '誤検出 false alarm', disputed: '係争 disputed', one_review: '1人目済 1 of 2' };
const typeText = { crack: 'ひび割れ crack', spalling: '剥離 spalling', exposed_rebar: '鉄筋露出 exposed rebar', corrosion: '腐食 corrosion', erosion: '侵食・すべり erosion/slip', other: 'その他 other' };

const state = { me: null, items: [], index: -1, detail: null, box: null, mode: 'queue', shown: null, busy: false };
let viewer, overview;

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', async () => { await logout(); location.reload(); });
  try { state.me = await get('/api/auth/me'); } catch (e) { if (e instanceof ApiError && e.status === 401) return showLogin(); throw e; }
  await refreshCsrf();
  await openApp();
}

function showLogin() { $('login').hidden = false; $('app').hidden = true; $('login-user').focus(); }

async function onLogin(e) {
  e.preventDefault();
  $('login-error').textContent = '';
  try {
    await login($('login-user').value, $('login-password').value);
    state.me = await get('/api/auth/me');
    $('login').hidden = true;
    await openApp();
  } catch (err) { $('login-error').textContent = err.message; }
}

async function openApp() {
  $('app').hidden = false;
  $('who').textContent = `${state.me.userName} (${state.me.role})`;
  $('logout').hidden = false;
  $('tab-disputed').hidden = !state.me.canLead;
  // Buttons that would write are not offered to accounts that may not write; the API refuses them anyway.
  for (const id of ['btn-confirm', 'btn-false', 'draw-box']) $(id).hidden = !state.me.canReview && !state.me.canLead;
  viewer = new ImageView('viewer');
  viewer.onBox = (box) => { state.box = box; $('box-text').textContent = `${box.join(', ')} px`; };
  overview = new Overview('overview');
  const types = ['crack', 'spalling', 'exposed_rebar', 'corrosion', 'erosion', 'other'];
  $('f-type').innerHTML += types.map((t) => `<option value="${t}">${esc(typeText[t])}</option>`).join('');
  $('d-type').innerHTML = types.map((t) => `<option value="${t}">${esc(typeText[t])}</option>`).join('');
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadQueue(); });
  $('tab-queue').addEventListener('click', () => setMode('queue'));
  $('tab-disputed').addEventListener('click', () => setMode('disputed'));
  $('heat').addEventListener('change', (e) => viewer.setHeat(e.target.checked));
  $('draw-box').addEventListener('click', () => viewer.startDrawing());
  $('btn-confirm').addEventListener('click', () => decide('confirmed'));
  $('btn-false').addEventListener('click', () => decide('false_alarm'));
  $('btn-next').addEventListener('click', () => move(1));
  $('btn-add-miss').addEventListener('click', addMiss);
  document.addEventListener('keydown', onKey);
  await loadQueue();
}

function setMode(mode) {
  state.mode = mode;
  $('tab-queue').classList.toggle('active', mode === 'queue');
  $('tab-disputed').classList.toggle('active', mode === 'disputed');
  $('f-status').value = mode === 'disputed' ? 'disputed' : 'to_review';
  loadQueue();
}

function filterQuery(withStatus) {
  const q = new URLSearchParams();
  const add = (k, id) => { const v = $(id).value.trim(); if (v) q.set(k, v); };
  if (withStatus) add('status', 'f-status');
  add('asset', 'f-asset'); add('flight', 'f-flight'); add('type', 'f-type'); add('from', 'f-from'); add('to', 'f-to');
  return q;
}

async function loadQueue() {
  const q = filterQuery(true); q.set('limit', '200');
  const all = filterQuery(false); all.set('limit', '500');
  const [page, markers] = await Promise.all([get(`/api/review/queue?${q}`), get(`/api/review/queue?${all}`)]);
  state.items = page.items;
  $('counts').innerHTML = Object.entries(page.counts).map(([k, n]) => `<span class="chip ${k}" data-status="${k}">${esc(statusText[k])} <b>${n}</b></span>`).join('');
  renderQueue();
  overview.setMarkers(markers.items);
  if (state.items.length) await openFinding(0);
  else { $('finding').hidden = true; state.index = -1; }
}

function renderQueue() {
  $('queue').innerHTML = state.items.map((it, i) => {
    const f = it.finding;
    return `<li data-i="${i}" data-finding="${esc(f.findingId)}" class="${i === state.index ? 'current' : ''}">
      <span class="score">${f.score.toFixed(2)}</span> <span class="st ${markerState(it)}">${esc(statusText[markerState(it)])}</span>
      <span>${esc(f.assetId ?? '')}</span> <small>${esc(f.findingId)}</small></li>`;
  }).join('');
  $('queue').querySelectorAll('li').forEach((li) => li.addEventListener('click', () => openFinding(+li.dataset.i)));
}

async function openFinding(i) {
  if (i < 0 || i >= state.items.length) return;
  state.index = i;
  const id = state.items[i].finding.findingId;
  const d = await get(`/api/review/findings/${encodeURIComponent(id)}`);
  state.detail = d; state.box = null; state.shown = d.image;
  $('finding').hidden = false;
  $('finding').dataset.finding = id;
  $('finding').dataset.version = d.finding.version;
  viewer.stopDrawing();
  if (d.image) viewer.show(d.image, d.finding.box);
  viewer.setHeat($('heat').checked);
  overview.focus(d);
  $('box-text').textContent = `${d.finding.box.join(', ')} px`;
  $('d-severity').innerHTML = d.severities.map((s) => `<option>${esc(s)}</option>`).join('');
  if (d.finding.damageType) $('d-type').value = d.finding.damageType;
  if (d.finding.severity) $('d-severity').value = d.finding.severity;
  $('d-comment').value = '';
  $('decide-msg').textContent = '';
  $('btn-add-miss').hidden = true;
  const f = d.finding;
  $('meta').innerHTML = `<h2>${esc(f.findingId)}</h2>
    <p><span class="st ${esc(f.status)}" id="status">${esc(statusText[f.status])}</span> score ${f.score.toFixed(3)} · ${esc(f.assetLayer ?? '')} ${esc(f.assetId ?? '')} · ${esc(f.flightId ?? '')}
    ${d.twoReviewers ? ' · 2人確認 two reviewers' : ''}</p>`;
  $('decisions').innerHTML = d.decisions.length ? `<h3>判定 Decisions</h3><ul>${d.decisions.map((x) =>
    `<li>${esc(x.reviewer)}: ${esc(x.kind)} ${esc(statusText[x.verdict] ?? x.verdict)} ${esc(x.damageType ?? '')} ${esc(x.severity ?? '')} <i>${esc(x.comment ?? '')}</i></li>`).join('')}</ul>` : '';
  const canAct = state.mode === 'disputed' ? state.me.canLead : (state.me.canReview || state.me.canLead);
  $('btn-confirm').hidden = $('btn-false').hidden = !canAct;
  $('report-link').href = f.assetLayer && f.assetId ? `/api/review/export/report/${encodeURIComponent(f.assetLayer)}/${encodeURIComponent(f.assetId)}` : '#';
  neighbour('prev-img', d.previous, '← 前 previous');
  neighbour('next-img', d.next, '次 next →');
  renderQueue();
  $('queue').querySelector('li.current')?.scrollIntoView({ block: 'nearest' });
}

function neighbour(id, img, label) {
  const el = $(id);
  el.innerHTML = img ? `<img src="${esc(img.thumbnailUrl)}" alt="${esc(img.fileName)}"><figcaption>${esc(label)} ${esc(img.fileName)}</figcaption>` : '';
  el.onclick = img ? () => showNeighbour(img) : null;
}

// Looking at a neighbouring photo of the flight: an inspector may box damage the model missed there.
function showNeighbour(img) {
  state.shown = img; state.box = null;
  viewer.show(img, null);
  $('btn-add-miss').hidden = !(state.me.canReview || state.me.canLead);
  $('decide-msg').textContent = `${img.fileName}: 枠を描いて見逃しを追加 draw a box to add a missed finding`;
}

async function addMiss() {
  if (!state.box) { $('decide-msg').textContent = '枠を描いてください draw a box first'; return; }
  try {
    const f = await send('POST', '/api/review/findings', {
      imageId: state.shown.imageId, box: state.box, damageType: $('d-type').value, severity: $('d-severity').value, comment: $('d-comment').value,
    });
    $('decide-msg').textContent = `追加しました added ${f.findingId}`;
  } catch (err) { $('decide-msg').textContent = err.message; }
}

async function decide(verdict) {
  if (state.busy || !state.detail) return;
  const item = state.items[state.index];
  const f = state.detail.finding;
  const body = { verdict, version: f.version, comment: $('d-comment').value };
  if (verdict === 'confirmed') { body.damageType = $('d-type').value; body.severity = $('d-severity').value; }
  if (state.box) body.box = state.box;
  const url = `/api/review/findings/${encodeURIComponent(f.findingId)}/${state.mode === 'disputed' ? 'resolution' : 'decision'}`;
  state.busy = true;
  try {
    const updated = await send('POST', url, body);
    item.finding = updated;
    if (updated.status === 'to_review') { item.reviews = (item.reviews || 0) + 1; }
    overview.setState(updated.findingId, markerState(item));
    state.detail.finding = updated;
    $('finding').dataset.version = updated.version;
    $('status').className = `st ${markerState(item)}`;
    $('status').textContent = statusText[markerState(item)];
    $('decide-msg').textContent = `記録しました saved: ${statusText[markerState(item)]}`;
    renderQueue();
  } catch (err) {
    $('decide-msg').textContent = err instanceof ApiError && err.status === 409 ? `${err.message} — 再読込 reloading` : err.message;
    if (err instanceof ApiError && err.status === 409) setTimeout(() => openFinding(state.index), 1200);
  } finally { state.busy = false; }
}

function move(step) { if (state.index + step >= 0 && state.index + step < state.items.length) openFinding(state.index + step); }

function onKey(e) {
  if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
  const k = e.key.toLowerCase();
  if (k === 'n' || k === 'j') move(1);
  else if (k === 'p' || k === 'k') move(-1);
  else if (k === 'c' && !$('btn-confirm').hidden) decide('confirmed');
  else if (k === 'f' && !$('btn-false').hidden) decide('false_alarm');
  else if (k === 'h') { $('heat').checked = !$('heat').checked; viewer.setHeat($('heat').checked); }
  else if (k === 'b' && !$('draw-box').hidden) viewer.startDrawing();
  else return;
  e.preventDefault();
}

// What the browser tests read: marker state and its canvas pixel, and the open finding.
window.dxgeoReview = {
  markerState: (id) => overview?.stateOf(id),
  markerPixel: (id) => overview?.pixelOf(id),
  current: () => state.detail?.finding?.findingId,
};

start().catch((e) => { document.body.insertAdjacentHTML('beforeend', `<p class="fatal">${esc(e.message)}</p>`); });
