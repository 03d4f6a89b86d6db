// Helpers the views share: escaping, JSON fetch that surfaces problem details, a downloaded blob.
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export async function fetchJson(url, options) {
  const r = await fetch(url, options);
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body?.detail ?? `${url}: ${r.status}`);
  return body;
}

export async function download(url, options) {
  const r = await fetch(url, options);
  if (!r.ok) throw new Error((await r.json().catch(() => null))?.detail ?? `${r.status}`);
  const name = /filename="?([^";]+)"?/.exec(r.headers.get('content-disposition') ?? '')?.[1] ?? 'plan';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await r.blob());
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export const fmt = (n, d = 0) => (n === null || n === undefined ? '–' : Number(n).toLocaleString(undefined, { maximumFractionDigits: d, minimumFractionDigits: d }));
